package io.podservice.events;

import java.time.Instant;

/** createSnapshot: {@code nodeId} copies disk {@code diskId} ({@code sizeGB} GiB) as it is now. */
public record SnapshotCreated(String snapshotId, String accountId, String regionId, String diskId, String name,
                              String description, int sizeGB, String nodeId, Instant createdAt)
        implements SnapshotEvent {
}
