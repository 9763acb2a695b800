package io.podservice.events;

import java.time.Instant;

/**
 * A disk of {@code sizeGB} GiB to be made on {@code nodeId}: empty, or holding the content of snapshot
 * {@code snapshotId} (which lives on the same node). An empty disk of createPods is formatted as its
 * volume's {@code fsType}; one of createDisks ({@code fsType} null) by the first pod that attaches it.
 * {@code podId} is the pod whose createPods made it (null for createDisks).
 */
public record DiskCreated(String diskId, String accountId, String regionId, String az, String name,
                          String description, String diskType, int sizeGB, Integer iops, String fsType,
                          String snapshotId, String nodeId, String podId, Instant createdAt) implements DiskEvent {
}
