package io.podservice.query.consistency;

import io.podservice.api.consistency.WritePositions;
import io.podservice.events.EventEnvelope;
import io.podservice.query.ReadModel;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How far the read models have applied each aggregate's events. A read model of its own, so the
 * consumer moves it in the transaction that applies an event to the others (it never runs ahead
 * of the tables it stands for) and a rebuild replays it with them.
 */
@Component
public class AppliedPositions implements ReadModel {

    private final JdbcTemplate jdbc;

    AppliedPositions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void apply(EventEnvelope event) {
        jdbc.update("""
                INSERT INTO applied_position (aggregate_id, sequence) VALUES (?, ?)
                ON CONFLICT (aggregate_id) DO UPDATE SET sequence = GREATEST(applied_position.sequence, EXCLUDED.sequence)""",
                event.aggregateId(), event.sequence());
    }

    @Override
    public List<String> tables() {
        return List.of("applied_position");
    }

    /** The positions not reached yet, out of {@code wanted}. */
    List<WritePositions.Position> behind(List<WritePositions.Position> wanted) {
        if (wanted.isEmpty()) {
            return List.of();
        }
        Map<String, Long> applied = jdbc.query("SELECT aggregate_id, sequence FROM applied_position WHERE aggregate_id = ANY (?)",
                        (rs, row) -> Map.entry(rs.getString(1), rs.getLong(2)),
                        (Object) wanted.stream().map(WritePositions.Position::aggregateId).toArray(String[]::new))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return wanted.stream().filter(p -> applied.getOrDefault(p.aggregateId(), -1L) < p.sequence()).toList();
    }
}
