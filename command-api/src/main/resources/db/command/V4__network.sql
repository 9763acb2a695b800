-- The live network resources (VPCs, subnets, security groups, elastic IPs) and each pod's primary
-- interface, kept from the events by the subscribing "network-index" processor in the transaction
-- that stores them. Commands check existence, ownership, overlaps and use against these tables.
CREATE TABLE network_resource (
    resource_id    VARCHAR(64) NOT NULL PRIMARY KEY,
    kind           VARCHAR(16) NOT NULL,
    account_id     VARCHAR(64) NOT NULL,
    region_id      VARCHAR(64) NOT NULL,
    vpc_id         VARCHAR(64),
    name           VARCHAR(64),
    address_prefix VARCHAR(32),
    address        VARCHAR(32),
    rules          JSONB       NOT NULL DEFAULT '[]'
);
CREATE INDEX network_resource_vpc ON network_resource (vpc_id);
CREATE INDEX network_resource_kind ON network_resource (kind);
-- an elastic IP address belongs to one live elastic IP
CREATE UNIQUE INDEX network_resource_address ON network_resource (address) WHERE kind = 'elasticIp';

-- One row per live pod that has a primary interface: its address is unique in its subnet and an
-- elastic IP is bound to at most one pod (the unique indexes back the checks made under locks).
CREATE TABLE pod_network (
    pod_id             VARCHAR(64) NOT NULL PRIMARY KEY,
    subnet_id          VARCHAR(64) NOT NULL,
    private_ip         VARCHAR(32) NOT NULL,
    security_group_ids TEXT[]      NOT NULL DEFAULT '{}',
    elastic_ip_id      VARCHAR(64) UNIQUE
);
CREATE UNIQUE INDEX pod_network_address ON pod_network (subnet_id, private_ip);
