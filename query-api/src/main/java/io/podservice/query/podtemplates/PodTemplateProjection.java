package io.podservice.query.podtemplates;

import io.podservice.events.EventEnvelope;
import io.podservice.events.PodTemplateCreated;
import io.podservice.events.PodTemplateDeleted;
import io.podservice.events.PodTemplateUpdated;
import io.podservice.query.ReadModel;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The describePodTemplate(s) projection: {@code pod_template_view}, idempotent by aggregate sequence. */
@Component
public class PodTemplateProjection implements ReadModel {

    private final JdbcTemplate jdbc;

    PodTemplateProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> tables() {
        return List.of("pod_template_view");
    }

    @Override
    public void apply(EventEnvelope event) {
        if (event.payload() instanceof PodTemplateCreated created) {
            jdbc.update("""
                    INSERT INTO pod_template_view (pod_template_id, account_id, region_id, name, description, data,
                                                   created_time, last_sequence)
                    VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?) ON CONFLICT (pod_template_id) DO NOTHING""",
                    created.podTemplateId(), created.accountId(), created.regionId(), created.name(),
                    created.description(), created.podTemplateData().toString(), Timestamp.from(created.createdAt()),
                    event.sequence());
        } else if (event.payload() instanceof PodTemplateUpdated updated) {
            jdbc.update("UPDATE pod_template_view SET name = ?, description = ?, data = ?::jsonb, last_sequence = ? "
                    + "WHERE pod_template_id = ? AND last_sequence < ?", updated.name(), updated.description(),
                    updated.podTemplateData().toString(), event.sequence(), updated.podTemplateId(), event.sequence());
        } else if (event.payload() instanceof PodTemplateDeleted deleted) {
            jdbc.update("UPDATE pod_template_view SET deleted = TRUE, last_sequence = ? WHERE pod_template_id = ? "
                    + "AND last_sequence < ?", event.sequence(), deleted.podTemplateId(), event.sequence());
        }
    }
}
