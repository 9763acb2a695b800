package io.podservice.command.configfile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.podservice.events.ConfigFileCreated;
import io.podservice.events.ConfigFileDeleted;
import io.podservice.events.ConfigFileEvent;
import io.podservice.events.ConfigFileUpdated;
import io.podservice.events.EventJson;
import io.podservice.events.PodCreated;
import io.podservice.events.PodDeleted;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The live config files by account, region and name with their content ({@code config_file_index}),
 * and which pods mount each ({@code config_file_use}), kept by the subscribing processor
 * {@value #PROCESSING_GROUP} in the transaction that stores the events.
 */
@Component
@ProcessingGroup(ConfigFileIndex.PROCESSING_GROUP)
public class ConfigFileIndex {

    static final String PROCESSING_GROUP = "config-file-index";
    private static final ObjectMapper JSON = EventJson.newMapper();
    private static final TypeReference<List<ConfigFileEvent.Entry>> ENTRIES = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;

    ConfigFileIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A config file's id, content and version. */
    public record Content(String configFileId, long version, List<ConfigFileEvent.Entry> data) {
    }

    public Optional<Content> find(String accountId, String regionId, String name) {
        return jdbc.query("SELECT config_file_id, version, data FROM config_file_index WHERE account_id = ? "
                        + "AND region_id = ? AND name = ?",
                (rs, row) -> new Content(rs.getString(1), rs.getLong(2), entries(rs.getString(3))),
                accountId, regionId, name).stream().findFirst();
    }

    /** The pods that mount the config file, by id. */
    List<String> mountedBy(String accountId, String regionId, String name) {
        return jdbc.queryForList("SELECT pod_id FROM config_file_use WHERE account_id = ? AND region_id = ? AND name = ? "
                + "ORDER BY pod_id", String.class, accountId, regionId, name);
    }

    @EventHandler
    void on(ConfigFileCreated e) {
        jdbc.update("""
                INSERT INTO config_file_index (account_id, region_id, name, config_file_id, version, data)
                VALUES (?, ?, ?, ?, 1, ?::jsonb)""", e.accountId(), e.regionId(), e.name(), e.configFileId(),
                json(e.data()));
    }

    @EventHandler
    void on(ConfigFileUpdated e) {
        jdbc.update("UPDATE config_file_index SET version = ?, data = ?::jsonb WHERE config_file_id = ?", e.version(),
                json(e.data()), e.configFileId());
    }

    @EventHandler
    void on(ConfigFileDeleted e) {
        jdbc.update("DELETE FROM config_file_index WHERE config_file_id = ?", e.configFileId());
    }

    @EventHandler
    void on(PodCreated e) {
        e.definition().volumes().stream().filter(v -> v.configFile() != null).forEach(v -> jdbc.update("""
                INSERT INTO config_file_use (pod_id, account_id, region_id, name) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING""", e.podId(), e.accountId(), e.regionId(), v.configFile().name()));
    }

    @EventHandler
    void on(PodDeleted e) {
        jdbc.update("DELETE FROM config_file_use WHERE pod_id = ?", e.podId());
    }

    private static String json(List<ConfigFileEvent.Entry> data) {
        try {
            return JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<ConfigFileEvent.Entry> entries(String json) {
        try {
            return JSON.readValue(json, ENTRIES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("config_file_index holds data that is not a list of entries", e);
        }
    }
}
