package io.podservice.worker.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.RestartPolicy;
import io.podservice.events.ContainerDefinition;
import io.podservice.events.ContainerStatusReport;
import io.podservice.events.PodDefinition;
import io.podservice.worker.WorkerProperties;
import io.podservice.worker.runtime.PodRuntime;
import io.podservice.worker.runtime.PodRuntime.PodRef;
import io.podservice.worker.runtime.PodTaskFailure;
import io.podservice.worker.runtime.RunningPod;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Pods on the local Docker daemon through docker-java. A pod is an infra container holding the
 * network namespace (and the hostname) plus the user's containers joined to it, so they share
 * one IP and reach each other on localhost, like a Kubernetes pod.
 */
@Component
public class DockerPodRuntime implements PodRuntime {

    private static final Logger log = LoggerFactory.getLogger(DockerPodRuntime.class);
    private static final Map<String, String> LOG_ROTATION = Map.of("max-size", "10m", "max-file", "3");
    private static final Instant DOCKER_ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");
    /** Stops wait on the daemon, not the CPU: a thread per container being stopped. */
    private static final ExecutorService STOPPERS = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "pod-stopper");
        thread.setDaemon(true);
        return thread;
    });

    private final DockerClient docker;
    private final ImagePuller images;
    private final WorkerProperties properties;

    public DockerPodRuntime(DockerClient docker, ImagePuller images, WorkerProperties properties) {
        this.docker = docker;
        this.images = images;
        this.properties = properties;
    }

    @Override
    public RunningPod create(PodRef pod, PodDefinition definition) {
        List<Container> existing = containersOf(pod.podId());
        if (!existing.isEmpty() && allRunningFor(pod.taskId(), definition, existing)) {
            log.info("pod {} already runs for task {}; reporting it again", pod.podId(), pod.taskId());
            return describe(pod.podId(), definition);
        }
        remove(existing);
        try {
            images.ensurePresent(properties.getInfraImage());
            for (ContainerDefinition container : definition.containers()) {
                images.ensurePresent(container.image());
            }
            String infraId = createInfra(pod, definition);
            start(infraId, PodContainers.infraName(pod.podId()));
            for (ContainerDefinition container : definition.containers()) {
                String id = createContainer(pod, definition, container, infraId);
                start(id, PodContainers.containerName(pod.podId(), container.name()));
            }
            return describe(pod.podId(), definition);
        } catch (RuntimeException e) {
            // nothing half-done is left behind: a pod that cannot run keeps no containers
            remove(containersOf(pod.podId()));
            throw e instanceof PodTaskFailure failure ? failure
                    : new PodTaskFailure("ContainerCreateFailed", DockerErrors.message(e), e);
        }
    }

    @Override
    public RunningPod start(PodRef pod, PodDefinition definition) {
        List<Container> existing = containersOf(pod.podId());
        if (existing.size() != definition.containers().size() + 1) {
            log.info("pod {} is incomplete on this node ({} containers); creating it anew", pod.podId(), existing.size());
            return create(pod, definition);
        }
        start(PodContainers.infraName(pod.podId()), PodContainers.infraName(pod.podId()));
        for (ContainerDefinition container : definition.containers()) {
            String name = PodContainers.containerName(pod.podId(), container.name());
            start(name, name);
        }
        return describe(pod.podId(), definition);
    }

    @Override
    public List<ContainerStatusReport> stop(String podId, int gracePeriodSeconds) {
        List<Container> containers = containersOf(podId);
        stopAll(containers.stream().filter(c -> !isInfra(c)).toList(), gracePeriodSeconds);
        stopAll(containers.stream().filter(DockerPodRuntime::isInfra).toList(), 0);
        List<ContainerStatusReport> statuses = new ArrayList<>();
        for (Container container : containers) {
            if (!isInfra(container)) {
                String name = container.getLabels().get(PodContainers.LABEL_CONTAINER);
                statuses.add(status(name, docker.inspectContainerCmd(container.getId()).exec()));
            }
        }
        return statuses;
    }

    @Override
    public void delete(String podId, int gracePeriodSeconds) {
        List<Container> containers = containersOf(podId);
        stopAll(containers.stream().filter(c -> !isInfra(c)).toList(), gracePeriodSeconds);
        remove(containers);
    }

    /**
     * {@code docker stop} of every container at once (SIGTERM, SIGKILL after the grace period),
     * so a pod's stop takes one grace period, not one per container. Docker's stop also tells
     * the restart policy that the stop was wanted.
     */
    private void stopAll(List<Container> containers, int gracePeriodSeconds) {
        List<CompletableFuture<Void>> stops = containers.stream()
                .filter(c -> "running".equals(c.getState()) || "restarting".equals(c.getState()))
                .map(c -> CompletableFuture.runAsync(() -> stopOne(c.getId(), gracePeriodSeconds), STOPPERS))
                .toList();
        try {
            CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw new PodTaskFailure("StopFailed", DockerErrors.message(e.getCause()), e.getCause());
        }
    }

    private void stopOne(String containerId, int gracePeriodSeconds) {
        try {
            docker.stopContainerCmd(containerId).withTimeout(gracePeriodSeconds).exec();
        } catch (NotFoundException | NotModifiedException gone) {
            // removed or stopped meanwhile
        }
    }

    private String createInfra(PodRef pod, PodDefinition definition) {
        HostConfig host = HostConfig.newHostConfig()
                .withIpcMode("shareable")
                .withLogConfig(new LogConfig(LogConfig.LoggingType.JSON_FILE, LOG_ROTATION))
                .withRestartPolicy(RestartPolicy.unlessStoppedRestart());
        try (CreateContainerCmd cmd = docker.createContainerCmd(ImageReference.parse(properties.getInfraImage()).fullName())) {
            return cmd.withName(PodContainers.infraName(pod.podId()))
                    .withHostName(definition.hostname() != null ? definition.hostname() : definition.name())
                    .withCmd(properties.getInfraCommand())
                    .withLabels(labels(pod, PodContainers.INFRA))
                    .withHostConfig(host)
                    .exec()
                    .getId();
        }
    }

    private String createContainer(PodRef pod, PodDefinition definition, ContainerDefinition container, String infraId) {
        HostConfig host = HostConfig.newHostConfig()
                .withNetworkMode("container:" + infraId)
                .withIpcMode("container:" + infraId)
                .withNanoCPUs(Math.round(definition.cpu() * 1_000_000_000L))
                .withMemory((long) definition.memoryMB() * 1024 * 1024)
                .withLogConfig(new LogConfig(LogConfig.LoggingType.JSON_FILE, LOG_ROTATION))
                .withRestartPolicy(restartPolicy(definition.restartPolicy()));
        try (CreateContainerCmd cmd = docker.createContainerCmd(ImageReference.parse(container.image()).fullName())) {
            cmd.withName(PodContainers.containerName(pod.podId(), container.name()))
                    .withLabels(labels(pod, container.name()))
                    .withEnv(container.env().stream().map(e -> e.name() + "=" + Objects.toString(e.value(), "")).toList())
                    .withTty(container.tty())
                    .withHostConfig(host);
            // Kubernetes semantics, as JD Cloud's: command replaces the entrypoint, args the image's CMD
            if (!container.command().isEmpty()) {
                cmd.withEntrypoint(container.command());
            }
            if (!container.args().isEmpty()) {
                cmd.withCmd(container.args());
            }
            if (container.workingDir() != null && !container.workingDir().isBlank()) {
                cmd.withWorkingDir(container.workingDir());
            }
            return cmd.exec().getId();
        }
    }

    private void start(String id, String name) {
        try {
            docker.startContainerCmd(id).exec();
        } catch (NotModifiedException alreadyRunning) {
            // started before: starting is idempotent
        } catch (RuntimeException e) {
            throw new PodTaskFailure("ContainerCannotRun", "Container " + name + " cannot start: " + DockerErrors.message(e), e);
        }
    }

    private RunningPod describe(String podId, PodDefinition definition) {
        InspectContainerResponse infra = docker.inspectContainerCmd(PodContainers.infraName(podId)).exec();
        List<ContainerStatusReport> statuses = new ArrayList<>();
        for (ContainerDefinition container : definition.containers()) {
            InspectContainerResponse inspected =
                    docker.inspectContainerCmd(PodContainers.containerName(podId, container.name())).exec();
            statuses.add(status(container.name(), inspected));
        }
        return new RunningPod(ipOf(infra), time(infra.getState().getStartedAt()), statuses);
    }

    private static ContainerStatusReport status(String name, InspectContainerResponse inspected) {
        InspectContainerResponse.ContainerState state = inspected.getState();
        int restarts = inspected.getRestartCount() == null ? 0 : inspected.getRestartCount();
        if (Boolean.TRUE.equals(state.getRunning())) {
            return new ContainerStatusReport(name, "running", null, null, time(state.getStartedAt()), null, null,
                    restarts, true);
        }
        Long exitCode = state.getExitCodeLong();
        return new ContainerStatusReport(name, "terminated", exitCode != null && exitCode == 0 ? "Completed" : "Error",
                state.getError() == null || state.getError().isBlank() ? null : state.getError(),
                time(state.getStartedAt()), time(state.getFinishedAt()),
                exitCode == null ? null : exitCode.intValue(), restarts, false);
    }

    private static String ipOf(InspectContainerResponse infra) {
        if (infra.getNetworkSettings() == null || infra.getNetworkSettings().getNetworks() == null) {
            return null;
        }
        return infra.getNetworkSettings().getNetworks().values().stream()
                .map(ContainerNetwork::getIpAddress)
                .filter(ip -> ip != null && !ip.isBlank())
                .findFirst().orElse(null);
    }

    private static boolean allRunningFor(String taskId, PodDefinition definition, List<Container> existing) {
        long running = existing.stream()
                .filter(c -> taskId.equals(c.getLabels().get(PodContainers.LABEL_TASK)))
                .filter(c -> "running".equals(c.getState()))
                .count();
        return running == definition.containers().size() + 1;
    }

    private List<Container> containersOf(String podId) {
        return docker.listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(Map.of(PodContainers.LABEL_POD_ID, podId, PodContainers.LABEL_MANAGED_BY, PodContainers.MANAGED_BY))
                .exec();
    }

    private void remove(List<Container> containers) {
        // user containers first: they live in the infra container's namespace
        containers.stream()
                .sorted((a, b) -> Boolean.compare(isInfra(a), isInfra(b)))
                .forEach(c -> {
                    try {
                        docker.removeContainerCmd(c.getId()).withForce(true).withRemoveVolumes(true).exec();
                    } catch (NotFoundException gone) {
                        // already removed
                    }
                });
    }

    private static boolean isInfra(Container container) {
        return PodContainers.INFRA.equals(container.getLabels().get(PodContainers.LABEL_CONTAINER));
    }

    private Map<String, String> labels(PodRef pod, String container) {
        Map<String, String> labels = new HashMap<>(properties.getExtraLabels());
        labels.put(PodContainers.LABEL_POD_ID, pod.podId());
        labels.put(PodContainers.LABEL_CONTAINER, container);
        labels.put(PodContainers.LABEL_REGION, pod.regionId());
        labels.put(PodContainers.LABEL_TASK, pod.taskId());
        labels.put(PodContainers.LABEL_MANAGED_BY, PodContainers.MANAGED_BY);
        return labels;
    }

    private static RestartPolicy restartPolicy(String policy) {
        return switch (policy == null ? "Always" : policy) {
            case "Never" -> RestartPolicy.noRestart();
            case "OnFailure" -> RestartPolicy.onFailureRestart(0);
            default -> RestartPolicy.unlessStoppedRestart();
        };
    }

    private static Instant time(String dockerTime) {
        if (dockerTime == null || dockerTime.isBlank()) {
            return null;
        }
        Instant instant = Instant.parse(dockerTime);
        return instant.equals(DOCKER_ZERO_TIME) ? null : instant;
    }
}
