package io.podservice.command.secret;

import io.podservice.api.crypto.AesGcm;
import io.podservice.api.crypto.MasterKey;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Per-secret data keys, stored only wrapped by the master key; destroying one shreds its secret. */
@Component
public class DataKeys {

    private final JdbcTemplate jdbc;
    private final MasterKey masterKey;

    DataKeys(JdbcTemplate jdbc, MasterKey masterKey) {
        this.jdbc = jdbc;
        this.masterKey = masterKey;
    }

    /** A new key: its id and the key itself (to encrypt with now; never stored unwrapped). */
    public record NewKey(String keyId, byte[] key) {
    }

    public NewKey create() {
        String keyId = "dk-" + UUID.randomUUID();
        byte[] key = AesGcm.newKey();
        jdbc.update("INSERT INTO secret_data_key (key_id, wrapped_key) VALUES (?, ?)", keyId,
                masterKey.encrypt(key, context(keyId)));
        return new NewKey(keyId, key);
    }

    public Optional<byte[]> unwrap(String keyId) {
        return jdbc.queryForList("SELECT wrapped_key FROM secret_data_key WHERE key_id = ?", byte[].class, keyId).stream()
                .findFirst().map(wrapped -> masterKey.decrypt(wrapped, context(keyId)));
    }

    public void destroy(String keyId) {
        jdbc.update("DELETE FROM secret_data_key WHERE key_id = ?", keyId);
    }

    private static String context(String keyId) {
        return "data-key:" + keyId;
    }
}
