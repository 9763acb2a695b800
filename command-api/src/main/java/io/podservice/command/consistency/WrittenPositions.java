package io.podservice.command.consistency;

import io.podservice.api.consistency.WritePositions;
import io.podservice.command.infrastructure.CommandMetadata;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The write positions of read-your-writes ({@link WritePositions}), kept by the subscribing
 * processor {@value #PROCESSING_GROUP} in the transaction that stores the events: an event that
 * a signed request caused (its metadata names the access key) moves its aggregate's row to its
 * sequence number. Reports of the workers name no key and move nothing: they are not the
 * account's writes.
 */
@Component
@ProcessingGroup(WrittenPositions.PROCESSING_GROUP)
public class WrittenPositions implements WritePositions {

    static final String PROCESSING_GROUP = "written-positions";
    /** Writes older than this are surely projected (a projection minutes behind is an outage, not lag). */
    static final Duration REMEMBERED = Duration.ofMinutes(5);

    private final JdbcTemplate jdbc;

    WrittenPositions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> message) {
        String accountId = CommandMetadata.accountId(message.getMetaData());
        if (!(message instanceof DomainEventMessage<?> event) || accountId == null
                || CommandMetadata.accessKeyId(message.getMetaData()) == null) {
            return;
        }
        jdbc.update("""
                INSERT INTO written_position (aggregate_id, account_id, sequence, written_at) VALUES (?, ?, ?, now())
                ON CONFLICT (aggregate_id) DO UPDATE SET sequence = GREATEST(written_position.sequence, EXCLUDED.sequence),
                                                         account_id = EXCLUDED.account_id, written_at = now()""",
                event.getAggregateIdentifier(), accountId, event.getSequenceNumber());
    }

    @Override
    public List<Position> recent(String accountId) {
        return jdbc.query("SELECT aggregate_id, sequence FROM written_position WHERE account_id = ? AND written_at > ? "
                        + "ORDER BY aggregate_id",
                (rs, row) -> new Position(rs.getString(1), rs.getLong(2)), accountId,
                Timestamp.from(Instant.now().minus(REMEMBERED)));
    }

    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void forgetOld() {
        jdbc.update("DELETE FROM written_position WHERE written_at < ?", Timestamp.from(Instant.now().minus(REMEMBERED)));
    }
}
