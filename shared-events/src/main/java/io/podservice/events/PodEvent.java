package io.podservice.events;

/** An event of the Pod aggregate. Every one names its pod; the pod id is the Kafka key. */
public sealed interface PodEvent extends ServiceEvent permits PodCreated, PodRunning, PodFailed, PodStopping, PodStopped, PodStarting,
        PodDeleting, PodDeleted, PodAttributesModified, PodRebuilding, PodRebuilt, PodContainersChanged, PodPlaced, PodScheduled,
        PodElasticIpAssociated, PodElasticIpDisassociated, PodSuspended, PodRetired, PodResized {

    String podId();

    @Override
    default String aggregateId() {
        return podId();
    }
}
