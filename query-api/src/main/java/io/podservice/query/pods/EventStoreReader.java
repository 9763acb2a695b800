package io.podservice.query.pods;

import io.podservice.events.EventEnvelope;
import io.podservice.events.EventJson;
import io.podservice.events.EventTypes;
import io.podservice.events.ServiceEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads one pod's events straight from the event store (the {@code domain_event_entry} table of
 * command-api, same database), for read-your-writes: a describePod that finds no row, or a
 * projection that sees a gap, catches up from the source of truth instead of answering stale.
 */
@Component
class EventStoreReader {

    private final JdbcTemplate jdbc;

    EventStoreReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<EventEnvelope> eventsAfter(String podId, long sequence) {
        return jdbc.query("""
                        SELECT event_identifier, aggregate_identifier, sequence_number, time_stamp, payload_type, payload
                          FROM domain_event_entry
                         WHERE aggregate_identifier = ? AND sequence_number > ?
                         ORDER BY sequence_number""",
                (rs, row) -> decode(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                        rs.getBytes(6)),
                podId, sequence).stream().flatMap(Optional::stream).toList();
    }

    /** A batch of the whole store in global order, after {@code globalIndex}: events and the last index read. */
    record Batch(List<EventEnvelope> events, long lastIndex, int rows) {
    }

    Batch allAfter(long globalIndex, int limit) {
        long[] last = {globalIndex};
        int[] rows = {0};
        List<EventEnvelope> events = jdbc.query("""
                        SELECT global_index, event_identifier, aggregate_identifier, sequence_number, time_stamp,
                               payload_type, payload
                          FROM domain_event_entry
                         WHERE global_index > ?
                         ORDER BY global_index
                         LIMIT ?""",
                (rs, row) -> {
                    last[0] = rs.getLong(1);
                    rows[0]++;
                    return decode(rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5), rs.getString(6),
                            rs.getBytes(7));
                },
                globalIndex, limit).stream().flatMap(Optional::stream).toList();
        return new Batch(events, last[0], rows[0]);
    }

    private static Optional<EventEnvelope> decode(String eventId, String podId, long sequence, String timestamp,
                                                String payloadType, byte[] payload) {
        String simpleName = payloadType.substring(payloadType.lastIndexOf('.') + 1);
        return EventTypes.classOf(simpleName).map(type -> {
            ServiceEvent event = EventJson.read(payload, type);
            return new EventEnvelope(eventId, podId, sequence, Instant.parse(timestamp), null, null, null, event);
        });
    }
}
