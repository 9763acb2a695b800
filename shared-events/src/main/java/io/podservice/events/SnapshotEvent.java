package io.podservice.events;

/**
 * An event of the Snapshot aggregate: a disk's content at a point in time, kept as a file on the
 * disk's node ({@code nodeId}); disks made from it are made on that node.
 */
public sealed interface SnapshotEvent extends ServiceEvent permits SnapshotCreated, SnapshotNodeReported,
        SnapshotDeleted {

    String snapshotId();

    String accountId();

    String regionId();

    @Override
    default String aggregateId() {
        return snapshotId();
    }
}
