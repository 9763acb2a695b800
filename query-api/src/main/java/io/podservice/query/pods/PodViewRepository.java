package io.podservice.query.pods;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.podservice.events.ContainerStatusReport;
import io.podservice.events.EventJson;
import io.podservice.events.PodDefinition;
import io.podservice.events.PodPhase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code pod_view} table. */
@Repository
public class PodViewRepository {

    private static final ObjectMapper JSON = EventJson.newMapper();
    private static final TypeReference<List<ContainerStatusReport>> STATUSES = new TypeReference<>() { };
    private static final String COLUMNS = "pod_id, region_id, phase, reason, message, pod_ip, start_time, create_time, "
            + "definition, container_statuses, last_sequence, last_event_time";

    private final JdbcTemplate jdbc;

    PodViewRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<PodView> find(String podId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM pod_view WHERE pod_id = ?", PodViewRepository::map, podId)
                .stream().findFirst();
    }

    /** The row locked for update until the surrounding transaction ends. */
    Optional<PodView> lock(String podId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM pod_view WHERE pod_id = ? FOR UPDATE", PodViewRepository::map, podId)
                .stream().findFirst();
    }

    /** Inserts the row unless it is there already (a redelivered creation); returns whether it inserted. */
    boolean insert(PodView view) {
        return jdbc.update("""
                INSERT INTO pod_view (pod_id, region_id, name, az, instance_type, phase, reason, message, pod_ip,
                                      start_time, create_time, definition, container_statuses, last_sequence,
                                      last_event_time, projected_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, now())
                ON CONFLICT (pod_id) DO NOTHING""",
                view.podId(), view.regionId(), view.definition().name(), view.definition().az(),
                view.definition().instanceType(), view.phase().wireName(), view.reason(), view.message(), view.podIp(),
                timestamp(view.startTime()), timestamp(view.createTime()), json(view.definition()),
                json(view.containerStatuses()), view.lastSequence(), timestamp(view.lastEventTime())) == 1;
    }

    void updateStatus(PodView view) {
        jdbc.update("""
                UPDATE pod_view SET phase = ?, reason = ?, message = ?, pod_ip = ?, start_time = ?,
                                    container_statuses = ?::jsonb, last_sequence = ?, last_event_time = ?,
                                    projected_at = now()
                 WHERE pod_id = ?""",
                view.phase().wireName(), view.reason(), view.message(), view.podIp(), timestamp(view.startTime()),
                json(view.containerStatuses()), view.lastSequence(), timestamp(view.lastEventTime()), view.podId());
    }

    private static PodView map(ResultSet rs, int row) throws SQLException {
        try {
            return new PodView(
                    rs.getString("pod_id"),
                    rs.getString("region_id"),
                    PodPhase.fromWireName(rs.getString("phase")),
                    rs.getString("reason"),
                    rs.getString("message"),
                    rs.getString("pod_ip"),
                    instant(rs.getTimestamp("start_time")),
                    instant(rs.getTimestamp("create_time")),
                    JSON.readValue(rs.getString("definition"), PodDefinition.class),
                    JSON.readValue(rs.getString("container_statuses"), STATUSES),
                    rs.getLong("last_sequence"),
                    instant(rs.getTimestamp("last_event_time")));
        } catch (IOException e) {
            throw new UncheckedIOException("pod_view row " + rs.getString("pod_id") + " holds unreadable JSON", e);
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
