package io.podservice.events;

import java.time.Instant;
import java.util.List;

/**
 * createImageCache(s): {@code image} is pulled on each of {@code nodeIds} (the region's ready nodes
 * then) with the cache's credentials: {@code registryAuth} is the named secret's, its password
 * encrypted as a container's is (null without a secret). {@code retentionDays} 0 never expires.
 */
public record ImageCacheCreated(String imageCacheId, String accountId, String regionId, String name, String image,
                                String secret, ContainerDefinition.RegistryAuth registryAuth, int sizeGB,
                                int retentionDays, List<String> nodeIds, Instant createdAt) implements ImageCacheEvent {

    public ImageCacheCreated {
        nodeIds = nodeIds == null ? List.of() : List.copyOf(nodeIds);
    }
}
