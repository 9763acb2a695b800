package io.podservice.events;

import java.time.Instant;
import java.util.List;

/** The stop task {@code taskId} finished: the pod is {@code stopped}. */
public record PodStopped(String podId, String taskId, Instant stoppedAt, List<ContainerStatusReport> containers)
        implements PodEvent {

    public PodStopped {
        containers = containers == null ? List.of() : List.copyOf(containers);
    }
}
