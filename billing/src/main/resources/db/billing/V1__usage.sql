-- What is being metered now, per pod: its instance type, the open running interval and the open
-- elastic IP binding. last_sequence makes every pod event count once, however often it comes.
CREATE TABLE billing_pod (
    pod_id            text        NOT NULL PRIMARY KEY,
    account_id        text        NOT NULL,
    region_id         text        NOT NULL,
    instance_type     text        NOT NULL,
    last_sequence     bigint      NOT NULL,
    running_since     timestamptz,
    elastic_ip_id     text,
    elastic_ip_since  timestamptz
);

-- Elastic IPs' bandwidth, which prices their bound time.
CREATE TABLE billing_elastic_ip (
    elastic_ip_id  text    NOT NULL PRIMARY KEY,
    bandwidth_mbps integer NOT NULL
);

-- Usage split at hour boundaries: seconds of a pod running (resource_type 'instance', resource the
-- instance type) or with an elastic IP bound ('elasticIp', the elastic IP id) within one hour.
CREATE TABLE billing_usage (
    pod_id        text             NOT NULL,
    account_id    text             NOT NULL,
    region_id     text             NOT NULL,
    resource_type text             NOT NULL,
    resource      text             NOT NULL,
    hour_start    timestamptz      NOT NULL,
    seconds       double precision NOT NULL,
    PRIMARY KEY (pod_id, resource_type, resource, hour_start)
);
CREATE INDEX billing_usage_account ON billing_usage (account_id, region_id, hour_start);
