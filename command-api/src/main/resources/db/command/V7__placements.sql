-- What each node offers to pods (from its registration, by node-index) and what is placed on it
-- (pod_placement, kept by the "placements" subscribing processor from the pods' events, in the
-- transaction that stores them). The scheduler locks the ready nodes of a zone, sums what is placed
-- on them, and its pods' events add to it in the same transaction: two createPods never take the
-- same room. Writers of pod_placement never lock node rows, so a deletion (which also locks the
-- account's quota row) cannot deadlock with a createPods (quota row, then node rows).
ALTER TABLE node_index
    ADD COLUMN node_url               VARCHAR(512),
    ADD COLUMN availability_zone      VARCHAR(64),
    ADD COLUMN allocatable_millicores BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN allocatable_memory_mb  BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN allocatable_pods       INT    NOT NULL DEFAULT 0;
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
