package io.podservice.worker.runtime.docker;

/**
 * Names and labels of the Docker containers that make a pod. Names are deterministic so a
 * restarted worker finds its containers again and never creates a second copy: the infra
 * container is {@code <podId>.infra} (a '.' no container name can hold), a user container is
 * {@code <podId>-<container>}.
 */
public final class PodContainers {

    static final String LABEL_POD_ID = "pod.id";
    static final String LABEL_CONTAINER = "pod.container";
    static final String LABEL_REGION = "pod.region";
    static final String LABEL_TASK = "pod.task";
    public static final String LABEL_MANAGED_BY = "pod.managed-by";
    public static final String MANAGED_BY = "pod-service";
    static final String LABEL_VOLUME = "pod.volume";
    static final String LABEL_AUTO_DELETE = "pod.auto-delete";
    static final String INFRA = "infra";

    private PodContainers() {
    }

    static String infraName(String podId) {
        return podId + "." + INFRA;
    }

    static String containerName(String podId, String container) {
        return podId + "-" + container;
    }

    /** A data volume of the pod: {@code <podId>.<volume>}. */
    static String volumeName(String podId, String volume) {
        return podId + "." + volume;
    }
}
