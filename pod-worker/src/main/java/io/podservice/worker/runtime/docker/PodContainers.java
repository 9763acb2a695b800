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
    /** The node (worker id) that made a container: a node lists and removes only its own. */
    static final String LABEL_NODE = "pod.node";
    public static final String LABEL_MANAGED_BY = "pod.managed-by";
    public static final String MANAGED_BY = "pod-service";
    /** The installation a container, volume or network belongs to ({@code pod.worker.cluster}). */
    public static final String LABEL_CLUSTER = "pod.cluster";
    static final String LABEL_VOLUME = "pod.volume";
    static final String LABEL_AUTO_DELETE = "pod.auto-delete";
    static final String INFRA = "infra";

    private PodContainers() {
    }

    /** The labels that mark a Docker object as this installation's: the ones every listing filters by. */
    public static java.util.Map<String, String> ownership(io.podservice.worker.WorkerProperties properties) {
        return java.util.Map.of(LABEL_MANAGED_BY, MANAGED_BY, LABEL_CLUSTER, properties.getCluster());
    }

    /** {@link #ownership} as Docker's {@code label=key=value} filter values. */
    public static java.util.List<String> ownershipFilter(io.podservice.worker.WorkerProperties properties) {
        return ownership(properties).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
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
