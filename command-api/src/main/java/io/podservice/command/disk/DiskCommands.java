package io.podservice.command.disk;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The commands of the Disk and Snapshot aggregates. */
final class DiskCommands {

    private DiskCommands() {
    }

    /** A new disk on {@code nodeId}; with {@code podId}, made by createPods and attached to that pod at once. */
    record CreateDisk(String diskId, String accountId, String regionId, String az, String name, String description,
                      String diskType, int sizeGB, Integer iops, String fsType, String snapshotId, String nodeId,
                      String podId, boolean autoDelete) {
    }

    /** The node's answer once it made the disk: {@code available} or {@code error_create}. */
    record RecordDiskReport(@TargetAggregateIdentifier String diskId, String nodeId, String status, String message) {
    }

    /** createPods naming the disk ({@code volumeId}) for pod {@code podId} in {@code az}. */
    record AttachDisk(@TargetAggregateIdentifier String diskId, String accountId, String az, String podId,
                      boolean autoDelete) {
    }

    /** Pod {@code podId} is deleted: the disk goes with it (autoDelete) or is available again. */
    record ReleaseDisk(@TargetAggregateIdentifier String diskId, String podId) {
    }

    record DeleteDisk(@TargetAggregateIdentifier String diskId, String accountId) {
    }

    record CreateSnapshot(String snapshotId, String accountId, String regionId, String diskId, String name,
                          String description, int sizeGB, String nodeId) {
    }

    record RecordSnapshotReport(@TargetAggregateIdentifier String snapshotId, String nodeId, String status,
                                String message) {
    }

    record DeleteSnapshot(@TargetAggregateIdentifier String snapshotId, String accountId) {
    }
}
