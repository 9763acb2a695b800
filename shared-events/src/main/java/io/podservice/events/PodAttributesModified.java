package io.podservice.events;

/** modifyPodAttribute: the pod's name and description as they are now (unchanged ones repeated). */
public record PodAttributesModified(String podId, String name, String description) implements PodEvent {
}
