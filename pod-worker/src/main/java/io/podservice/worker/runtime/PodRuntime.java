package io.podservice.worker.runtime;

import io.podservice.events.PodDefinition;
import java.util.List;

/**
 * The container runtime as the node agent sees it: the only interface through which pods become
 * containers. {@link io.podservice.worker.runtime.docker.DockerPodRuntime} implements it with
 * docker-java. Every operation is idempotent, so a task delivered twice does no harm.
 *
 * <p>Each throws {@link PodTaskFailure} with a reason in the API's vocabulary when it cannot complete.
 */
public interface PodRuntime {

    /**
     * Makes the pod run from nothing: its images present, its infra container holding the network
     * namespace, its containers started in it. A pod whose containers for {@code taskId} already
     * run is left as it is; anything else of the pod is removed first.
     */
    RunningPod create(PodRef pod, PodDefinition definition);

    /** Starts a stopped pod's containers again, or creates them anew when the node no longer has them all. */
    RunningPod start(PodRef pod, PodDefinition definition);

    /** Replaces the pod's containers with ones made from {@code definition}, left stopped (rebuildPod). */
    List<io.podservice.events.ContainerStatusReport> rebuild(PodRef pod, PodDefinition definition);

    /** The pod's containers as Docker sees them now, in the definition's order (absent ones left out). */
    List<io.podservice.events.ContainerStatusReport> inspect(String podId, PodDefinition definition);

    /**
     * Starts one container of the pod again (a restart by the restart policy), its subPaths checked
     * and pinned again first; a refusal is a {@link PodTaskFailure} with the reason.
     */
    void startContainer(String podId, PodDefinition definition, String container);

    /** Stops one container of the pod (a failed liveness probe), SIGKILL after the grace period. */
    void stopContainer(String podId, String container, int gracePeriodSeconds);

    /** Runs a command in a container of the pod ({@code null}: the infra container); its exit code, or empty on timeout. */
    java.util.OptionalInt exec(String podId, String container, List<String> command, int timeoutSeconds);

    /**
     * Pulls an image for an image cache with the cache's credentials ({@code auth}, or none), from the
     * registry even when the node holds it already; its size in bytes.
     */
    long holdImage(String image, io.podservice.events.ContainerDefinition.RegistryAuth auth);

    /** Whether the pod's infra container (its network namespace) runs. */
    boolean infraRunning(String podId);

    /** The pods that have containers on this node, by pod id. */
    java.util.Set<String> podsOnNode();

    /** What the machine under the runtime has: every CPU core and all its memory. */
    MachineResources machine();

    /** CPU cores and memory (MiB) of the machine. */
    record MachineResources(int cpus, long memoryMB) {
    }

    /** Stops every container of the pod: SIGTERM, then SIGKILL after the grace period. Nothing to stop is fine. */
    List<io.podservice.events.ContainerStatusReport> stop(String podId, int gracePeriodSeconds);

    /**
     * Stops (with the grace period) and removes every container of the pod, and its data volumes
     * marked autoDelete. Nothing left is fine.
     */
    void delete(String podId, int gracePeriodSeconds);

    /** A pod and the task being run on it. */
    /** A pod as a task names it: its id, region, owner (its default network is the account's) and task. */
    record PodRef(String podId, String regionId, String accountId, String taskId) {
    }
}
