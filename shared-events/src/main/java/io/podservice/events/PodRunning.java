package io.podservice.events;

import java.time.Instant;
import java.util.List;

/** The task {@code taskId} succeeded: every container of the pod runs. */
public record PodRunning(
        String podId,
        String taskId,
        String podIp,
        Instant startedAt,
        List<ContainerStatusReport> containers) implements PodEvent {

    public PodRunning {
        containers = containers == null ? List.of() : List.copyOf(containers);
    }
}
