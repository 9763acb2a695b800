package io.podservice.events;

import java.time.Instant;
import java.util.List;

/**
 * A running pod's containers changed on the node without a task: a container exited, was
 * OOM-killed, restarted (restartCount), or its readiness changed. {@code ready} is the pod's
 * {@code Ready} condition: every container ready.
 */
public record PodContainersChanged(String podId, String taskId, Instant observedAt, boolean ready,
                                   List<ContainerStatusReport> containers) implements PodEvent {

    public PodContainersChanged {
        containers = containers == null ? List.of() : List.copyOf(containers);
    }
}
