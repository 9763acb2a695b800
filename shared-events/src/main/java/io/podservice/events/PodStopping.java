package io.podservice.events;

/**
 * stopPod accepted: the pod is {@code stopping}. Task: stop every container, each with SIGTERM
 * and, after {@code gracePeriodSeconds}, SIGKILL.
 */
public record PodStopping(String podId, String taskId, int gracePeriodSeconds) implements PodEvent, PodTask {
}
