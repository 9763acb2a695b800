-- Each subnet's VXLAN network identifier: its segment of the overlay that joins its pods across
-- nodes. From a sequence, so no two subnets ever share one (a shared VNI would bridge two tenants'
-- subnets); 0 (subnets made before the overlay) keeps the subnet on one node's bridge only.
CREATE SEQUENCE subnet_vni START WITH 4096 MAXVALUE 16777215 NO CYCLE;
ALTER TABLE network_resource ADD COLUMN vni integer NOT NULL DEFAULT 0;
