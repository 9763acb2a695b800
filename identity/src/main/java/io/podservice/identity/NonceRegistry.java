package io.podservice.identity;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The nonces of signed requests seen within the signature window, in PostgreSQL so that every
 * instance of the API shares them: a nonce used a second time with the same key is a replay.
 */
@Component
class NonceRegistry {

    private final JdbcTemplate jdbc;
    private final IdentityProperties properties;

    NonceRegistry(JdbcTemplate jdbc, IdentityProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** @return true the first time this key presents this nonce */
    boolean firstUse(String accessKeyId, String nonce) {
        return jdbc.update("INSERT INTO request_nonce (access_key_id, nonce) VALUES (?, ?) ON CONFLICT DO NOTHING",
                accessKeyId, nonce) == 1;
    }

    /** Nonces older than twice the window can no longer come with a valid date; forget them. */
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void forgetExpired() {
        jdbc.update("DELETE FROM request_nonce WHERE seen_at < ?",
                Timestamp.from(Instant.now().minus(properties.getSignatureWindow().multipliedBy(2))));
    }
}
