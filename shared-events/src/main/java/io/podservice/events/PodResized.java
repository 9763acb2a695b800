package io.podservice.events;

import java.time.Instant;

/**
 * resizePod: the stopped pod is of another instance type from now on. {@code definition} is the pod's
 * whole definition after the change (the type's CPU and memory, each container's limits and
 * requests); it takes effect on the node when the pod starts again.
 */
public record PodResized(String podId, String accountId, String regionId, String fromInstanceType,
                         PodDefinition definition, Instant resizedAt) implements PodEvent {
}
