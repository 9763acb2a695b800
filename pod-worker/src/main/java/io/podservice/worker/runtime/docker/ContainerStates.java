package io.podservice.worker.runtime.docker;

import com.github.dockerjava.api.command.InspectContainerResponse;
import io.podservice.events.ContainerStatusReport;
import java.time.Instant;

/** Docker's view of a container turned into the API's ContainerState vocabulary. */
final class ContainerStates {

    private static final Instant DOCKER_ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");

    private ContainerStates() {
    }

    static ContainerStatusReport of(String name, InspectContainerResponse inspected, boolean readyWhenRunning,
                                    OomKills oomKills) {
        InspectContainerResponse.ContainerState state = inspected.getState();
        if (Boolean.TRUE.equals(state.getRunning())) {
            return new ContainerStatusReport(name, "running", null, null, time(state.getStartedAt()), null, null, 0,
                    readyWhenRunning);
        }
        if (time(state.getStartedAt()) == null) {
            return ContainerStatusReport.waiting(name, "ContainerCreated", "created, not started");
        }
        ContainerStatusReport.Terminated end = terminated(inspected,
                oomKills.since(inspected.getId(), time(state.getStartedAt())));
        return new ContainerStatusReport(name, "terminated", end.reason(), end.message(), end.startedAt(),
                end.finishedAt(), end.exitCode(), 0, false, end.signal(), null);
    }

    /**
     * How the container's last run ended: Completed (exit 0), Error, or OOMKilled (Docker's flag, or
     * {@code oomAnnounced}: Docker's {@code oom} event for this run, when the flag lost the race).
     */
    static ContainerStatusReport.Terminated terminated(InspectContainerResponse inspected, boolean oomAnnounced) {
        InspectContainerResponse.ContainerState state = inspected.getState();
        Long exit = state.getExitCodeLong();
        Integer exitCode = exit == null ? null : exit.intValue();
        boolean oomKilled = Boolean.TRUE.equals(state.getOOMKilled()) || oomAnnounced && exitCode != null && exitCode == 137;
        String reason = oomKilled ? "OOMKilled"
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
