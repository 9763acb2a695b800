package io.podservice.events;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An event of the PodTemplate aggregate: a stored pod specification (JD Cloud's pod template).
 * Created and updated events carry the whole template as it is from then on, in the shape of JD
 * Cloud's {@code PodTemplateData} (the API's JSON, defaults filled in), so a reader needs nothing else.
 */
public sealed interface PodTemplateEvent extends ServiceEvent permits PodTemplateCreated, PodTemplateUpdated,
        PodTemplateDeleted {

    String podTemplateId();

    String accountId();

    String regionId();

    String name();

    @Override
    default String aggregateId() {
        return podTemplateId();
    }

    /** The template's data, or null for a deletion. */
    default JsonNode data() {
        return null;
    }
}
