package io.podservice.events;

/**
 * startPod accepted: the pod is {@code starting}. Task: start its containers again (creating
 * whatever the node no longer has from {@code definition}, in its account's network); success is a
 * {@link PodRunning}.
 */
public record PodStarting(String podId, String regionId, String taskId, PodDefinition definition, String accountId)
        implements PodEvent, PodTask {
}
