package io.podservice.worker.runtime.docker;

import com.github.dockerjava.api.command.InspectContainerResponse;
import io.podservice.events.ContainerStatusReport;
import java.time.Instant;

/** Docker's view of a container turned into the API's ContainerState vocabulary. */
final class ContainerStates {

    private static final Instant DOCKER_ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");

    private ContainerStates() {
    }

    static ContainerStatusReport of(String name, InspectContainerResponse inspected, boolean readyWhenRunning) {
        InspectContainerResponse.ContainerState state = inspected.getState();
        if (Boolean.TRUE.equals(state.getRunning())) {
            return new ContainerStatusReport(name, "running", null, null, time(state.getStartedAt()), null, null, 0,
                    readyWhenRunning);
        }
        if (time(state.getStartedAt()) == null) {
            return ContainerStatusReport.waiting(name, "ContainerCreated", "created, not started");
        }
        ContainerStatusReport.Terminated end = terminated(inspected);
        return new ContainerStatusReport(name, "terminated", end.reason(), end.message(), end.startedAt(),
                end.finishedAt(), end.exitCode(), 0, false, end.signal(), null);
    }

    /** How the container's last run ended: Completed (exit 0), Error, or OOMKilled. */
    static ContainerStatusReport.Terminated terminated(InspectContainerResponse inspected) {
        InspectContainerResponse.ContainerState state = inspected.getState();
        Long exit = state.getExitCodeLong();
        Integer exitCode = exit == null ? null : exit.intValue();
        String reason = Boolean.TRUE.equals(state.getOOMKilled()) ? "OOMKilled"
                : exitCode != null && exitCode == 0 ? "Completed" : "Error";
        // a process killed by signal N exits 128 + N
        Integer signal = exitCode != null && exitCode > 128 && exitCode < 128 + 65 ? exitCode - 128 : null;
        String message = state.getError() == null || state.getError().isBlank() ? null : state.getError();
        return new ContainerStatusReport.Terminated(exitCode, signal, reason, message, time(state.getStartedAt()),
                time(state.getFinishedAt()));
    }

    static Instant time(String dockerTime) {
        if (dockerTime == null || dockerTime.isBlank()) {
            return null;
        }
        Instant instant = Instant.parse(dockerTime);
        return instant.equals(DOCKER_ZERO_TIME) ? null : instant;
    }
}
