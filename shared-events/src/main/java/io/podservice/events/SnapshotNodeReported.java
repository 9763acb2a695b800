package io.podservice.events;

import java.time.Instant;

/** The node copied the disk ({@code status} {@code available}) or could not ({@code error_create}, {@code message}). */
public record SnapshotNodeReported(String snapshotId, String accountId, String regionId, String nodeId, String status,
                                   String message, Instant reportedAt) implements SnapshotEvent {
}
