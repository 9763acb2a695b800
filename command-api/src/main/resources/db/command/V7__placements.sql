-- What each node offers to pods and what the scheduler has placed on it. The offer comes from the
-- node's registration (node-index); the use is kept by the "placements" subscribing processor from
-- PodScheduled and PodDeleted, in the transaction that stores them. The scheduler locks the ready
-- nodes of a zone, decides on these counters, and its pods' events move them in the same
-- transaction: two createPods never take the same room.
ALTER TABLE node_index
    ADD COLUMN node_url               VARCHAR(512),
    ADD COLUMN availability_zone      VARCHAR(64),
    ADD COLUMN allocatable_millicores BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN allocatable_memory_mb  BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN allocatable_pods       INT    NOT NULL DEFAULT 0,
    ADD COLUMN used_millicores        BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN used_memory_mb         BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN used_pods              INT    NOT NULL DEFAULT 0;
CREATE INDEX node_index_zone ON node_index (availability_zone, state);

-- The node each pod is placed on (null between its creation and its placement, two events of one
-- command) and what it takes there; stranded: left on a lost node by its evacuation (a stopped pod
-- no other node had room for), not evacuated again until the node is back or lost again.
CREATE TABLE pod_placement (
    pod_id      VARCHAR(64)  NOT NULL PRIMARY KEY,
    node_id     VARCHAR(128),
    generation  BIGINT       NOT NULL,
    millicores  BIGINT       NOT NULL,
    memory_mb   BIGINT       NOT NULL,
    stranded    BOOLEAN      NOT NULL DEFAULT FALSE
);
CREATE INDEX pod_placement_node ON pod_placement (node_id);
