package io.podservice.events;

import java.time.Instant;

/**
 * The disk's node made it ({@code status} {@code available}) or could not ({@code error_create},
 * {@code message} says why).
 */
public record DiskNodeReported(String diskId, String accountId, String regionId, String nodeId, String status,
                               String message, Instant reportedAt) implements DiskEvent {
}
