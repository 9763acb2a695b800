package io.podservice.identity;

import io.podservice.api.crypto.MasterKey;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts and access keys in PostgreSQL. A secret access key is stored only encrypted with the
 * master key, bound to its access key id, and leaves this class only to verify a signature or,
 * once, to the creator of a new key.
 */
@Component
public class Accounts {

    private static final char[] UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();
    private static final char[] ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final MasterKey masterKey;

    Accounts(JdbcTemplate jdbc, MasterKey masterKey) {
        this.jdbc = jdbc;
        this.masterKey = masterKey;
    }

    /** A new key's id and secret; the secret is shown to its owner once and never again. */
    public record NewAccessKey(String accountId, String accessKeyId, String secretAccessKey) {
        @Override
        public String toString() {
            return "NewAccessKey[accountId=" + accountId + ", accessKeyId=" + accessKeyId + "]";
        }
    }

    record StoredKey(String accessKeyId, String accountId, byte[] secretCiphertext, boolean enabled) {
    }

    /** The account of that name, created if it does not exist; returns its id. */
    @Transactional
    public String ensureAccount(String name) {
        List<String> existing = jdbc.queryForList("SELECT account_id FROM account WHERE name = ?", String.class, name);
        if (!existing.isEmpty()) {
            return existing.get(0);
        }
        String accountId = "acct-" + random(UPPER_ALNUM, 12).toLowerCase(java.util.Locale.ROOT);
        // another instance seeding the same configuration may insert it first: then its row is the account
        // (a caught unique violation would have aborted this transaction, and the SELECT after it with it)
        jdbc.update("INSERT INTO account (account_id, name) VALUES (?, ?) ON CONFLICT (name) DO NOTHING", accountId, name);
        return jdbc.queryForObject("SELECT account_id FROM account WHERE name = ?", String.class, name);
    }

    /** A new account of that name; empty when an account has the name already. */
    @Transactional
    public Optional<String> createAccount(String name) {
        String accountId = "acct-" + random(UPPER_ALNUM, 12).toLowerCase(java.util.Locale.ROOT);
        int made = jdbc.update("INSERT INTO account (account_id, name) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
                accountId, name);
        return made == 1 ? Optional.of(accountId) : Optional.empty();
    }

    public NewAccessKey createAccessKey(String accountId) {
        NewAccessKey key = new NewAccessKey(accountId, "JDC_" + random(UPPER_ALNUM, 28), random(ALNUM, 32));
        store(key);
        return key;
    }

    /** Keeps a key whose id and secret are given (configuration); an existing id is left as it is. */
    public void ensureAccessKey(String accountId, String accessKeyId, String secretAccessKey) {
        if (findKey(accessKeyId).isEmpty()) {
            try {
                store(new NewAccessKey(accountId, accessKeyId, secretAccessKey));
            } catch (DuplicateKeyException raced) {
                // another instance seeding the same configuration stored it first: the key exists, as asked
            }
        }
    }

    /** The account's name (quota overrides are configured by name). */
    public Optional<String> nameOf(String accountId) {
        return jdbc.queryForList("SELECT name FROM account WHERE account_id = ?", String.class, accountId).stream().findFirst();
    }

    public List<String> accessKeysOf(String accountId) {
        return jdbc.queryForList("SELECT access_key_id FROM access_key WHERE account_id = ? ORDER BY created_at",
                String.class, accountId);
    }

    Optional<StoredKey> findKey(String accessKeyId) {
        return jdbc.query("SELECT access_key_id, account_id, secret_ciphertext, enabled FROM access_key WHERE access_key_id = ?",
                (rs, row) -> new StoredKey(rs.getString(1), rs.getString(2), rs.getBytes(3), rs.getBoolean(4)),
                accessKeyId).stream().findFirst();
    }

    String secretOf(StoredKey key) {
        return new String(masterKey.decrypt(key.secretCiphertext(), "access-key:" + key.accessKeyId()),
                StandardCharsets.UTF_8);
    }

    private void store(NewAccessKey key) {
        jdbc.update("INSERT INTO access_key (access_key_id, account_id, secret_ciphertext) VALUES (?, ?, ?) "
                        + "ON CONFLICT (access_key_id) DO NOTHING",
                key.accessKeyId(), key.accountId(),
                masterKey.encrypt(key.secretAccessKey().getBytes(StandardCharsets.UTF_8), "access-key:" + key.accessKeyId()));
    }

    private static String random(char[] alphabet, int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = alphabet[RANDOM.nextInt(alphabet.length)];
        }
        return new String(out);
    }
}
