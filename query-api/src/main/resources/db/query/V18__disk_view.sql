-- describeDisk(s) and describeSnapshot(s): each disk with its status and the pod that has it, each
-- snapshot with its status, from the events (idempotent by aggregate sequence).
CREATE TABLE disk_view (
    disk_id        text PRIMARY KEY,
    account_id     text NOT NULL,
    region_id      text NOT NULL,
    az             text NOT NULL,
    name           text NOT NULL,
    description    text,
    disk_type      text NOT NULL,
    size_gb        integer NOT NULL,
    iops           integer,
    snapshot_id    text,
    created_time   timestamptz NOT NULL,
    made           boolean NOT NULL DEFAULT false,
    failed         boolean NOT NULL DEFAULT false,
    message        text,
    pod_id         text,
    attach_time    timestamptz,
    deleted        boolean NOT NULL DEFAULT false,
    last_sequence  bigint NOT NULL
);
CREATE INDEX disk_view_account ON disk_view (account_id, region_id, created_time) WHERE NOT deleted;

CREATE TABLE snapshot_view (
    snapshot_id    text PRIMARY KEY,
    account_id     text NOT NULL,
    region_id      text NOT NULL,
    disk_id        text NOT NULL,
    name           text NOT NULL,
    description    text,
    size_gb        integer NOT NULL,
    created_time   timestamptz NOT NULL,
    status         text NOT NULL,
    message        text,
    deleted        boolean NOT NULL DEFAULT false,
    last_sequence  bigint NOT NULL
);
CREATE INDEX snapshot_view_account ON snapshot_view (account_id, region_id, created_time) WHERE NOT deleted;
