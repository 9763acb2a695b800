package io.podservice.query.secrets;

import io.podservice.events.EventEnvelope;
import io.podservice.query.ReadModel;
import java.util.List;
import io.podservice.events.SecretCreated;
import io.podservice.events.SecretDeleted;
import java.sql.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The describeSecrets projection: {@code secret_view}, idempotent by aggregate sequence. No password, ever. */
@Component
public class SecretProjection implements ReadModel {

    private final JdbcTemplate jdbc;

    SecretProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> tables() {
        return List.of("secret_view");
    }

    @Override
    public void apply(EventEnvelope event) {
        if (event.payload() instanceof SecretCreated created) {
            jdbc.update("""
                    INSERT INTO secret_view (secret_id, account_id, region_id, name, secret_type, server, username, email,
                                             created_at, last_sequence)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (secret_id) DO NOTHING""",
                    created.secretId(), created.accountId(), created.regionId(), created.name(), created.secretType(),
                    created.server(), created.username(), created.email(), Timestamp.from(created.createdAt()),
                    event.sequence());
        } else if (event.payload() instanceof SecretDeleted deleted) {
            jdbc.update("UPDATE secret_view SET deleted = TRUE, last_sequence = ? WHERE secret_id = ? AND last_sequence < ?",
                    event.sequence(), deleted.secretId(), event.sequence());
        }
    }
}
