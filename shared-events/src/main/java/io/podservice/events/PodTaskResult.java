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
        Instant reportedAt,
        Boolean ready,
        String workerUrl) {

    public PodTaskResult(String podId, String taskId, Outcome outcome, String reason, String message, String podIp,
                         List<ContainerStatusReport> containers, String workerId, Instant reportedAt) {
        this(podId, taskId, outcome, reason, message, podIp, containers, workerId, reportedAt, null, null);
    }

    public PodTaskResult(String podId, String taskId, Outcome outcome, String reason, String message, String podIp,
                         List<ContainerStatusReport> containers, String workerId, Instant reportedAt, Boolean ready) {
        this(podId, taskId, outcome, reason, message, podIp, containers, workerId, reportedAt, ready, null);
    }

    /** The same report, signed by the node that makes it: its id and the URL its interactive endpoints answer on. */
    public PodTaskResult fromNode(String nodeId, String nodeUrl) {
        return new PodTaskResult(podId, taskId, outcome, reason, message, podIp, containers, nodeId, reportedAt, ready,
                nodeUrl);
    }

    public PodTaskResult {
        containers = containers == null ? List.of() : List.copyOf(containers);
    }

    /**
     * SUCCEEDED / FAILED answer the task {@code taskId}; OBSERVED reports a change the worker saw on
     * a running pod (exits, restarts, readiness), {@code taskId} naming the task that started it.
     */
    public enum Outcome { SUCCEEDED, FAILED, OBSERVED }
}
