package io.podservice.worker.runtime;

import io.podservice.events.PodCreated;

/**
 * The container runtime as the node agent sees it: the only interface through which pods become
 * containers. {@link io.podservice.worker.runtime.docker.DockerPodRuntime} implements it with docker-java.
 */
public interface PodRuntime {

    /**
     * Makes the pod of {@code created} run: its images present, its infra container holding the
     * network namespace, its containers started in it. Idempotent for the same task: a pod whose
     * containers for this task already run is left as it is.
     *
     * @throws PodTaskFailure with a reason in the API's vocabulary when the pod cannot run
     */
    RunningPod create(PodCreated created);
}
