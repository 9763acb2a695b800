package io.podservice.command.imagecache;

import io.podservice.events.ContainerDefinition;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The commands of the ImageCache aggregate. */
final class ImageCacheCommands {

    private ImageCacheCommands() {
    }

    record CreateImageCache(String imageCacheId, String accountId, String regionId, String name, String image,
                            String secret, ContainerDefinition.RegistryAuth registryAuth, int sizeGB, int retentionDays,
                            List<String> nodeIds) {
    }

    record UpdateImageCache(@TargetAggregateIdentifier String imageCacheId, String accountId, String name,
                            Integer retentionDays) {
    }

    /** A node's answer: {@code Ready} or {@code Error}. */
    record RecordNodeReport(@TargetAggregateIdentifier String imageCacheId, String nodeId, String status,
                            String message, long sizeBytes) {
    }

    record DeleteImageCache(@TargetAggregateIdentifier String imageCacheId, String accountId) {
    }
}
