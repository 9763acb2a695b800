package io.podservice.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** updatePodTemplate: the template's name, description and PodTemplateData as they are from now on. */
public record PodTemplateUpdated(String podTemplateId, String accountId, String regionId, String name,
                                 String description, JsonNode podTemplateData, Instant updatedAt)
        implements PodTemplateEvent {
    @Override
    public JsonNode data() {
        return podTemplateData;
    }
}
