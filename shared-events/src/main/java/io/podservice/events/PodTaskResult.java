package io.podservice.events;

import java.time.Instant;
import java.util.List;

/**
 * What a worker reports on {@link Topics#POD_TASK_RESULTS} after running the task {@code taskId}
 * of pod {@code podId}. The command side accepts it only if that task is still the one in flight.
 */
public record PodTaskResult(
        String podId,
        String taskId,
        Outcome outcome,
        String reason,
        String message,
        String podIp,
        List<ContainerStatusReport> containers,
        String workerId,
        Instant reportedAt) {

    public PodTaskResult {
        containers = containers == null ? List.of() : List.copyOf(containers);
    }

    public enum Outcome { SUCCEEDED, FAILED }
}
