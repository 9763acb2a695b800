package io.podservice.events;

/**
 * deletePod accepted: the pod is {@code deleting}. Task: stop the containers (grace period as
 * for a stop) and remove them; success is a {@link PodDeleted}.
 */
public record PodDeleting(String podId, String taskId, int gracePeriodSeconds,
                          boolean deletePrimaryNetworkInterfaceAllElasticIp) implements PodEvent, PodTask {
}
