package io.podservice.command.podtemplate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.podservice.events.EventJson;
import io.podservice.events.PodTemplateCreated;
import io.podservice.events.PodTemplateDeleted;
import io.podservice.events.PodTemplateUpdated;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The live pod templates with their data ({@code pod_template_index}), which updatePodTemplate and
 * verifyPodTemplate start from; kept by the subscribing processor {@value #PROCESSING_GROUP} in the
 * transaction that stores the events.
 */
@Component
@ProcessingGroup(PodTemplateIndex.PROCESSING_GROUP)
class PodTemplateIndex {

    static final String PROCESSING_GROUP = "pod-template-index";
    private static final ObjectMapper JSON = EventJson.newMapper();

    private final JdbcTemplate jdbc;

    PodTemplateIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A template as stored: its name, description and PodTemplateData. */
    record Stored(String podTemplateId, String name, String description, JsonNode data) {
    }

    /** The account's template in the region, locked until the transaction ends. */
    Optional<Stored> findLocked(String accountId, String regionId, String podTemplateId) {
        return jdbc.query("SELECT pod_template_id, name, description, data FROM pod_template_index "
                        + "WHERE pod_template_id = ? AND account_id = ? AND region_id = ? FOR UPDATE",
                (rs, row) -> new Stored(rs.getString(1), rs.getString(2), rs.getString(3), read(rs.getString(4))),
                podTemplateId, accountId, regionId).stream().findFirst();
    }

    @EventHandler
    void on(PodTemplateCreated e) {
        jdbc.update("""
                INSERT INTO pod_template_index (pod_template_id, account_id, region_id, name, description, data)
                VALUES (?, ?, ?, ?, ?, ?::jsonb)""", e.podTemplateId(), e.accountId(), e.regionId(), e.name(),
                e.description(), e.podTemplateData().toString());
    }

    @EventHandler
    void on(PodTemplateUpdated e) {
        jdbc.update("UPDATE pod_template_index SET name = ?, description = ?, data = ?::jsonb WHERE pod_template_id = ?",
                e.name(), e.description(), e.podTemplateData().toString(), e.podTemplateId());
    }

    @EventHandler
    void on(PodTemplateDeleted e) {
        jdbc.update("DELETE FROM pod_template_index WHERE pod_template_id = ?", e.podTemplateId());
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("pod_template_index holds data that is not JSON", e);
        }
    }
}
