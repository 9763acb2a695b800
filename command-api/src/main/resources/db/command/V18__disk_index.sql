-- The live disks and snapshots as their rules need them: where each lives (node_id), what its node
-- answered, which pod has it. createPods places a pod that names a disk or a snapshot on its node;
-- deleteSnapshot waits for the disks made from it. Kept by the subscribing processor disk-index.
CREATE TABLE disk_index (
    disk_id      text PRIMARY KEY,
    account_id   text NOT NULL,
    region_id    text NOT NULL,
    az           text NOT NULL,
    node_id      text NOT NULL,
    size_gb      integer NOT NULL,
    snapshot_id  text,
    made         boolean NOT NULL DEFAULT FALSE,
    failed       boolean NOT NULL DEFAULT FALSE,
    pod_id       text
);
CREATE INDEX disk_index_pod ON disk_index (pod_id) WHERE pod_id IS NOT NULL;
CREATE INDEX disk_index_snapshot ON disk_index (snapshot_id) WHERE snapshot_id IS NOT NULL;

CREATE TABLE snapshot_index (
    snapshot_id  text PRIMARY KEY,
    account_id   text NOT NULL,
    region_id    text NOT NULL,
    disk_id      text NOT NULL,
    node_id      text NOT NULL,
    size_gb      integer NOT NULL,
    status       text NOT NULL
);
