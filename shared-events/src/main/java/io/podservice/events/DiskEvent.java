package io.podservice.events;

/**
 * An event of the Disk aggregate: a cloud disk (JD Cloud's disk service), a block device of its size
 * on one node ({@code nodeId}), made by createDisks or by createPods for a pod's volume, attached to
 * one pod at a time. Each is addressed to the disk's node ({@link NodeRouting}).
 */
public sealed interface DiskEvent extends ServiceEvent permits DiskCreated, DiskNodeReported, DiskAttached,
        DiskDetached, DiskDeleted {

    String diskId();

    String accountId();

    String regionId();

    @Override
    default String aggregateId() {
        return diskId();
    }
}
