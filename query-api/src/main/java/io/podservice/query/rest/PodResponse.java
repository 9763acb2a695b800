package io.podservice.query.rest;

import io.podservice.events.ContainerDefinition;
import io.podservice.events.ContainerStatusReport;
import io.podservice.events.PodDefinition;
import io.podservice.events.PodPhase;
import io.podservice.query.pods.PodView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The Pod shape of the API (describePod's {@code result.pod}), built from a {@link PodView}. */
record PodResponse(
        String podId,
        String name,
        String description,
        String az,
        String hostname,
        String instanceType,
        String restartPolicy,
        Integer terminationGracePeriodSeconds,
        List<Container> containers,
        PodStatus podStatus,
        Instant createTime) {

    static PodResponse of(PodView view) {
        PodDefinition definition = view.definition();
        Map<String, ContainerStatusReport> statuses = view.containerStatuses().stream()
                .collect(Collectors.toMap(ContainerStatusReport::name, Function.identity(), (a, b) -> b));
        return new PodResponse(view.podId(), definition.name(), definition.description(), definition.az(),
                definition.hostname(), definition.instanceType(), definition.restartPolicy(),
                definition.terminationGracePeriodSeconds(),
                definition.containers().stream()
                        .map(c -> Container.of(c, statuses.get(c.name()), view))
                        .toList(),
                new PodStatus(view.phase().wireName(), view.reason(), view.message(), view.podIp(), view.startTime()),
                view.createTime());
    }

    record PodStatus(String phase, String reason, String message, String podIP, Instant startTime) {
    }

    record Container(
            String name,
            List<String> command,
            List<String> args,
            List<ContainerDefinition.EnvVar> env,
            String image,
            Boolean tty,
            String workingDir,
            ContainerStatus containerStatus) {

        static Container of(ContainerDefinition definition, ContainerStatusReport report, PodView view) {
            return new Container(definition.name(), definition.command(), definition.args(), definition.env(),
                    definition.image(), definition.tty(), definition.workingDir(),
                    ContainerStatus.of(definition.name(), report, view));
        }
    }

    record ContainerStatus(String name, int restartCount, boolean ready, ContainerState state, ContainerState lastState) {

        static ContainerStatus of(String name, ContainerStatusReport report, PodView view) {
            if (report == null) {
                // No report for this container: it is being created, or the pod failed before it ran.
                Waiting waiting = view.phase() == PodPhase.ERROR
                        ? new Waiting(view.reason(), view.message())
                        : new Waiting("ContainerCreating", null);
                return new ContainerStatus(name, 0, false, new ContainerState(null, null, waiting), null);
            }
            return new ContainerStatus(name, report.restartCount(), report.ready(), ContainerState.of(report), null);
        }
    }

    /** Exactly one of running, terminated, waiting. */
    record ContainerState(Running running, Terminated terminated, Waiting waiting) {

        static ContainerState of(ContainerStatusReport report) {
            return switch (report.state()) {
                case "running" -> new ContainerState(new Running(report.startedAt()), null, null);
                case "terminated" -> new ContainerState(null, new Terminated(null, report.exitCode(), report.reason(),
                        report.message(), report.startedAt(), report.finishedAt()), null);
                default -> new ContainerState(null, null, new Waiting(report.reason(), report.message()));
            };
        }
    }

    record Running(Instant startedAt) {
    }

    record Terminated(Integer signal, Integer exitCode, String reason, String message, Instant startedAt,
                      Instant finishedAt) {
    }

    record Waiting(String reason, String message) {
    }
}
