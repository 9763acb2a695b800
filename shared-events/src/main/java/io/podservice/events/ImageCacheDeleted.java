package io.podservice.events;

import java.time.Instant;

/** deleteImageCache. Nodes keep the image until their operator prunes it. */
public record ImageCacheDeleted(String imageCacheId, String accountId, String regionId, Instant deletedAt)
        implements ImageCacheEvent {
}
