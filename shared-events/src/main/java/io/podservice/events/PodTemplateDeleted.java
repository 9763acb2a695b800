package io.podservice.events;

import java.time.Instant;

/** deletePodTemplate. */
public record PodTemplateDeleted(String podTemplateId, String accountId, String regionId, String name,
                                 Instant deletedAt) implements PodTemplateEvent {
}
