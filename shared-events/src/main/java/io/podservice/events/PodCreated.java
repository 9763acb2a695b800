package io.podservice.events;

import java.time.Instant;

/**
 * A pod was accepted for the account {@code accountId} and is {@code pending}. Starts the task {@code taskId}: creating its
 * containers on a worker.
 */
public record PodCreated(
        String podId,
        String accountId,
        String regionId,
        String taskId,
        PodDefinition definition,
        Instant createdAt) implements PodEvent, PodTask {
}
