package io.podservice.events;

import java.time.Instant;

/**
 * A node's answer to an image cache: {@code Ready} (it holds the image, {@code sizeBytes} of it) or
 * {@code Error} ({@code message} says why, as the pull failed).
 */
public record ImageCacheNodeReported(String imageCacheId, String accountId, String regionId, String nodeId,
                                     String status, String message, long sizeBytes, Instant reportedAt)
        implements ImageCacheEvent {
}
