package io.podservice.events;

import java.time.Instant;

/** updateImageCache: its name and retention (days from its creation; 0 never expires) from now on. */
public record ImageCacheUpdated(String imageCacheId, String accountId, String regionId, String name,
                                int retentionDays, Instant updatedAt) implements ImageCacheEvent {
}
