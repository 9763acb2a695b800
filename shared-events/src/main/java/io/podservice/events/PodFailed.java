package io.podservice.events;

import java.time.Instant;
import java.util.List;

/** The task {@code taskId} failed; the pod is in {@code error} with the reason the worker gave. */
public record PodFailed(
        String podId,
        String taskId,
        String reason,
        String message,
        Instant failedAt,
        List<ContainerStatusReport> containers) implements PodEvent {

    public PodFailed {
        containers = containers == null ? List.of() : List.copyOf(containers);
    }
}
