package io.podservice.events;

import java.time.Instant;

/** deleteConfigFile: gone (only when no pod mounts it). */
public record ConfigFileDeleted(String configFileId, String accountId, String regionId, String name, Instant deletedAt)
        implements ConfigFileEvent {
}
