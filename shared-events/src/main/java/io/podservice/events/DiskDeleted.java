package io.podservice.events;

import java.time.Instant;

/** The disk is deleted: its node removes its block device and content ({@code nodeId}, null if it had none). */
public record DiskDeleted(String diskId, String accountId, String regionId, String nodeId, Instant deletedAt)
        implements DiskEvent {
}
