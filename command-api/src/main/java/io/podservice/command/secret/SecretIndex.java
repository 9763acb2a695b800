package io.podservice.command.secret;

import io.podservice.events.ContainerDefinition;
import io.podservice.events.SecretCreated;
import io.podservice.events.SecretDeleted;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The live secrets by account, region and name, kept from the Secret events by the subscribing
 * processor {@value #PROCESSING_GROUP} in the transaction that stores them; a second secret with a
 * taken name fails on the table's key. deleteSecret also destroys the data key here.
 */
@Component
@ProcessingGroup(SecretIndex.PROCESSING_GROUP)
public class SecretIndex {

    static final String PROCESSING_GROUP = "secret-index";

    private final JdbcTemplate jdbc;
    private final DataKeys dataKeys;

    SecretIndex(JdbcTemplate jdbc, DataKeys dataKeys) {
        this.jdbc = jdbc;
        this.dataKeys = dataKeys;
    }

    /** The secret's id in the account and region, if it exists. */
    public Optional<String> idOf(String accountId, String regionId, String name) {
        return jdbc.queryForList("SELECT secret_id FROM secret_index WHERE account_id = ? AND region_id = ? AND name = ?",
                String.class, accountId, regionId, name).stream().findFirst();
    }

    /** How a container naming this secret pulls its image; empty when no such secret exists. */
    public Optional<ContainerDefinition.RegistryAuth> registryAuth(String accountId, String regionId, String name) {
        return jdbc.query("SELECT server, username, password_ciphertext, key_id FROM secret_index "
                        + "WHERE account_id = ? AND region_id = ? AND name = ?",
                (rs, row) -> new ContainerDefinition.RegistryAuth(name, rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4)), accountId, regionId, name).stream().findFirst();
    }

    @EventHandler
    void on(SecretCreated created) {
        jdbc.update("""
                INSERT INTO secret_index (account_id, region_id, name, secret_id, server, username, password_ciphertext,
                                          key_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                created.accountId(), created.regionId(), created.name(), created.secretId(), created.server(),
                created.username(), created.passwordCiphertext(), created.keyId());
    }

    @EventHandler
    void on(SecretDeleted deleted) {
        jdbc.queryForList("SELECT key_id FROM secret_index WHERE secret_id = ?", String.class, deleted.secretId())
                .forEach(dataKeys::destroy);
        jdbc.update("DELETE FROM secret_index WHERE secret_id = ?", deleted.secretId());
    }
}
