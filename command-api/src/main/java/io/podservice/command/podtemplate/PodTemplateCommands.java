package io.podservice.command.podtemplate;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The commands of the PodTemplate aggregate; {@code data} is the whole template, checked, as PodTemplateData. */
final class PodTemplateCommands {

    private PodTemplateCommands() {
    }

    record CreatePodTemplate(String podTemplateId, String accountId, String regionId, String name, String description,
                             JsonNode data) {
    }

    record UpdatePodTemplate(@TargetAggregateIdentifier String podTemplateId, String accountId, String name,
                             String description, JsonNode data) {
    }

    record DeletePodTemplate(@TargetAggregateIdentifier String podTemplateId, String accountId) {
    }
}
