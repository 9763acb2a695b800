package io.podservice.events;

import java.time.Instant;

/** The snapshot is deleted: its node removes the copy. */
public record SnapshotDeleted(String snapshotId, String accountId, String regionId, String nodeId, Instant deletedAt)
        implements SnapshotEvent {
}
