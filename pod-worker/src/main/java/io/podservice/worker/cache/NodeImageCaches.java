package io.podservice.worker.cache;

import io.podservice.events.ImageCacheCreated;
import io.podservice.worker.WorkerProperties;
import io.podservice.worker.runtime.CommandSideClient;
import io.podservice.worker.runtime.PodRuntime;
import io.podservice.worker.runtime.PodTaskFailure;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Holds the images of the image caches this node is asked to: pulls each with the cache's
 * credentials and answers Ready (with its size) or Error (with the pull's reason) on the command
 * side's node-only endpoint. An answer that cannot be delivered fails the event, so it is handled
 * again (a second pull of a held image is quick; the command side keeps a node's first answer).
 */
@Component
public class NodeImageCaches {

    private static final Logger log = LoggerFactory.getLogger(NodeImageCaches.class);

    private final PodRuntime runtime;
    private final CommandSideClient commandSide;
    private final WorkerProperties properties;

    NodeImageCaches(PodRuntime runtime, CommandSideClient commandSide, WorkerProperties properties) {
        this.runtime = runtime;
        this.commandSide = commandSide;
        this.properties = properties;
    }

    /** Whether this node is one of those the cache asks. */
    public boolean asked(ImageCacheCreated created) {
        return created.nodeIds().contains(properties.getWorkerId());
    }

    public void hold(ImageCacheCreated created) {
        Map<String, Object> answer;
        try {
            long size = runtime.holdImage(created.image(), created.registryAuth());
            answer = Map.of("status", "Ready", "message", "", "sizeBytes", size);
            log.info("image cache {}: holds {} ({} bytes)", created.imageCacheId(), created.image(), size);
        } catch (PodTaskFailure e) {
            answer = Map.of("status", "Error", "message", e.getMessage(), "sizeBytes", 0);
            log.info("image cache {}: cannot hold {}: {}", created.imageCacheId(), created.image(), e.getMessage());
        }
        commandSide.post("/internal/image-caches/" + created.imageCacheId() + "/nodes/" + properties.getWorkerId(),
                answer, "image cache " + created.imageCacheId());
    }
}
