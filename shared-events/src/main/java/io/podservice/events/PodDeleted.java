package io.podservice.events;

import java.time.Instant;

/** The delete task {@code taskId} finished: the pod is gone. */
public record PodDeleted(String podId, String taskId, Instant deletedAt) implements PodEvent {
}
