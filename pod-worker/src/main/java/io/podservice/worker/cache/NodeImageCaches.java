package io.podservice.worker.cache;

import io.podservice.events.ImageCacheCreated;
import io.podservice.worker.WorkerProperties;
import io.podservice.worker.runtime.BackOff;
import io.podservice.worker.runtime.CommandSideClient;
import io.podservice.worker.runtime.PodRuntime;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Holds the images of the image caches this node is asked to: pulls each with the cache's
 * credentials and answers Ready (with its size) or Error (with the reason: any failure, the pull's or
 * another) on the command side's node-only endpoint, trying again until the answer is delivered, so
 * a cache never waits for an answer this node has. Pulls run on {@value #PULLS} threads of their
 * own: a tenant's many or large caches never hold up the node's pod tasks.
 */
@Component
public class NodeImageCaches implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(NodeImageCaches.class);
    static final int PULLS = 2;

    private final PodRuntime runtime;
    private final CommandSideClient commandSide;
    private final WorkerProperties properties;
    private final ExecutorService pulls = Executors.newFixedThreadPool(PULLS, runnable -> {
        Thread thread = new Thread(runnable, "image-cache-pull");
        thread.setDaemon(true);
        return thread;
    });

    NodeImageCaches(PodRuntime runtime, CommandSideClient commandSide, WorkerProperties properties) {
        this.runtime = runtime;
        this.commandSide = commandSide;
        this.properties = properties;
    }

    /** Whether this node is one of those the cache asks. */
    public boolean asked(ImageCacheCreated created) {
        return created.nodeIds().contains(properties.getWorkerId());
    }

    /** Pulls and answers on the cache threads; done once the answer is delivered. */
    public CompletableFuture<Void> hold(ImageCacheCreated created) {
        return CompletableFuture.runAsync(() -> answer(created, pull(created)), pulls);
    }

    private Map<String, Object> pull(ImageCacheCreated created) {
        try {
            long size = runtime.holdImage(created.image(), created.registryAuth());
            log.info("image cache {}: holds {} ({} bytes)", created.imageCacheId(), created.image(), size);
            return Map.of("status", "Ready", "message", "", "sizeBytes", size);
        } catch (RuntimeException e) {
            log.info("image cache {}: cannot hold {}: {}", created.imageCacheId(), created.image(), e.getMessage());
            return Map.of("status", "Error", "message", String.valueOf(e.getMessage()), "sizeBytes", 0);
        }
    }

    private void answer(ImageCacheCreated created, Map<String, Object> answer) {
        String path = "/internal/image-caches/" + created.imageCacheId() + "/nodes/" + properties.getWorkerId();
        String what = "image cache " + created.imageCacheId();
        BackOff.untilDelivered(log, what + " answer", () -> commandSide.post(path, answer, what));
    }

    @Override
    public void close() {
        pulls.shutdownNow();
    }
}
