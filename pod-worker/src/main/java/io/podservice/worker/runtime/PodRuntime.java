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

    /** Stops every container of the pod: SIGTERM, then SIGKILL after the grace period. Nothing to stop is fine. */
    List<io.podservice.events.ContainerStatusReport> stop(String podId, int gracePeriodSeconds);

    /** Stops (with the grace period) and removes every container of the pod. Nothing left is fine. */
    void delete(String podId, int gracePeriodSeconds);

    /** A pod and the task being run on it. */
    record PodRef(String podId, String regionId, String taskId) {
    }
}
