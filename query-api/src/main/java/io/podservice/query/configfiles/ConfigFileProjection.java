package io.podservice.query.configfiles;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.podservice.events.ConfigFileCreated;
import io.podservice.events.ConfigFileDeleted;
import io.podservice.events.ConfigFileEvent;
import io.podservice.events.ConfigFileUpdated;
import io.podservice.events.EventEnvelope;
import io.podservice.events.EventJson;
import io.podservice.query.ReadModel;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The describeConfigFile projection: {@code config_file_view}, idempotent by aggregate sequence. */
@Component
public class ConfigFileProjection implements ReadModel {

    private static final ObjectMapper JSON = EventJson.newMapper();

    private final JdbcTemplate jdbc;

    ConfigFileProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> tables() {
        return List.of("config_file_view");
    }

    @Override
    public void apply(EventEnvelope event) {
        if (event.payload() instanceof ConfigFileCreated created) {
            jdbc.update("""
                    INSERT INTO config_file_view (config_file_id, account_id, region_id, name, data, last_sequence)
                    VALUES (?, ?, ?, ?, ?::jsonb, ?) ON CONFLICT (config_file_id) DO NOTHING""",
                    created.configFileId(), created.accountId(), created.regionId(), created.name(),
                    json(created.data()), event.sequence());
        } else if (event.payload() instanceof ConfigFileUpdated updated) {
            jdbc.update("UPDATE config_file_view SET data = ?::jsonb, last_sequence = ? WHERE config_file_id = ? "
                    + "AND last_sequence < ?", json(updated.data()), event.sequence(), updated.configFileId(),
                    event.sequence());
        } else if (event.payload() instanceof ConfigFileDeleted deleted) {
            jdbc.update("UPDATE config_file_view SET deleted = TRUE, last_sequence = ? WHERE config_file_id = ? "
                    + "AND last_sequence < ?", event.sequence(), deleted.configFileId(), event.sequence());
        }
    }

    private static String json(List<ConfigFileEvent.Entry> data) {
        try {
            return JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
