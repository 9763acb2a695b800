-- The describePods filters vpcId and subnetId, and the pod an elastic IP is bound to (describeElasticIps).
ALTER TABLE pod_view ADD COLUMN vpc_id text, ADD COLUMN subnet_id text, ADD COLUMN elastic_ip_id text;
CREATE INDEX pod_view_vpc ON pod_view (vpc_id) WHERE vpc_id IS NOT NULL;
CREATE INDEX pod_view_subnet ON pod_view (subnet_id) WHERE subnet_id IS NOT NULL;
CREATE INDEX pod_view_elastic_ip ON pod_view (elastic_ip_id) WHERE elastic_ip_id IS NOT NULL;

-- The network resources (VPCs, subnets, security groups, elastic IPs) for the describe* operations,
-- one row per resource; body is the resource in the API's shape without what other rows supply
-- (a subnet's available addresses, an elastic IP's pod). Kept by the network projection.
CREATE TABLE network_view (
    resource_id   text        NOT NULL PRIMARY KEY,
    kind          text        NOT NULL,
    account_id    text        NOT NULL,
    region_id     text        NOT NULL,
    vpc_id        text,
    name          text,
    body          jsonb       NOT NULL,
    created_time  timestamptz NOT NULL,
    deleted       boolean     NOT NULL DEFAULT false,
    last_sequence bigint      NOT NULL
);
CREATE INDEX network_view_listing ON network_view (account_id, region_id, kind, created_time DESC);
