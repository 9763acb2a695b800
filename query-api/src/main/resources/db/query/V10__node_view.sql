-- The operators' list of nodes: what each offers pods and its state, from the Node events.
CREATE TABLE node_view (
    node_id               VARCHAR(128)     NOT NULL PRIMARY KEY,
    node_url              TEXT,
    availability_zone     VARCHAR(64)      NOT NULL,
    allocatable_cpu       DOUBLE PRECISION NOT NULL,
    allocatable_memory_mb BIGINT           NOT NULL,
    allocatable_pods      INTEGER          NOT NULL,
    labels                TEXT             NOT NULL,
    state                 VARCHAR(16)      NOT NULL,
    registered_at         TIMESTAMPTZ      NOT NULL,
    state_changed_at      TIMESTAMPTZ      NOT NULL,
    last_heartbeat_at     TIMESTAMPTZ,
    last_sequence         BIGINT           NOT NULL
);
CREATE INDEX pod_view_node ON pod_view (node_id) WHERE node_id IS NOT NULL;
