package io.podservice.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** createPodTemplate: the template {@code name} of the account in the region, with its PodTemplateData. */
public record PodTemplateCreated(String podTemplateId, String accountId, String regionId, String name,
                                 String description, JsonNode podTemplateData, Instant createdAt)
        implements PodTemplateEvent {
    @Override
    public JsonNode data() {
        return podTemplateData;
    }
}
