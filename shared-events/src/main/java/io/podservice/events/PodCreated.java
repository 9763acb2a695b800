package io.podservice.events;

import java.time.Instant;

/**
 * A pod was accepted and is {@code pending}. Starts the task {@code taskId}: creating its
 * containers on a worker.
 */
public record PodCreated(
        String podId,
        String regionId,
        String taskId,
        PodDefinition definition,
        Instant createdAt) implements PodEvent {
}
