package io.podservice.events;

/**
 * rebuildPod accepted on a stopped pod: the pod is {@code rebuilding}. Task: replace the pod's
 * containers with ones made from {@code definition} (new images pulled), left stopped; success is
 * a {@link PodRebuilt}.
 */
public record PodRebuilding(String podId, String regionId, String taskId, PodDefinition definition, String accountId)
        implements PodEvent, PodTask {
}
