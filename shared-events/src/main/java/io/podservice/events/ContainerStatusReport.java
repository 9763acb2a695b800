package io.podservice.events;

import java.time.Instant;

/**
 * A container's state as a worker saw it in Docker. {@code state} is one of {@code running},
 * {@code waiting} or {@code terminated}, as in the API's ContainerState; {@code lastState} is the
 * previous run's end, once the container has restarted.
 */
public record ContainerStatusReport(
        String name,
        String state,
        String reason,
        String message,
        Instant startedAt,
        Instant finishedAt,
        Integer exitCode,
        int restartCount,
        boolean ready,
        Integer signal,
        Terminated lastState) {

    public ContainerStatusReport(String name, String state, String reason, String message, Instant startedAt,
                                 Instant finishedAt, Integer exitCode, int restartCount, boolean ready) {
        this(name, state, reason, message, startedAt, finishedAt, exitCode, restartCount, ready, null, null);
    }

    public static ContainerStatusReport running(String name, Instant startedAt) {
        return new ContainerStatusReport(name, "running", null, null, startedAt, null, null, 0, true);
    }

    public static ContainerStatusReport waiting(String name, String reason, String message) {
        return new ContainerStatusReport(name, "waiting", reason, message, null, null, null, 0, false);
    }

    /** How a run of the container ended. */
    public record Terminated(Integer exitCode, Integer signal, String reason, String message, Instant startedAt,
                             Instant finishedAt) {
    }
}
