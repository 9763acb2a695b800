package io.podservice.events;

import java.time.Instant;
import java.util.List;

/** The rebuild task finished: the pod is {@code stopped} with its new containers. */
public record PodRebuilt(String podId, String taskId, Instant rebuiltAt, List<ContainerStatusReport> containers)
        implements PodEvent {

    public PodRebuilt {
        containers = containers == null ? List.of() : List.copyOf(containers);
    }
}
