package io.podservice.command.account;

import io.podservice.events.AccountArrearsChanged;
import io.podservice.events.AccountBlacklistSet;
import io.podservice.events.AccountCharged;
import io.podservice.events.AccountToppedUp;
import java.math.BigDecimal;
import io.podservice.events.AccountMfaEnrolled;
import io.podservice.events.AccountProtectionSet;
import io.podservice.events.AccountRealNameSet;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Each account's standing ({@code account_standing}), kept by the subscribing processor
 * {@value #PROCESSING_GROUP} in the transaction that stores the Account's events, and the
 * questions the commands ask of it. An account nobody set anything for is verified, not on the
 * blacklist and unprotected.
 */
@Component
@ProcessingGroup(AccountStandings.PROCESSING_GROUP)
public class AccountStandings {

    static final String PROCESSING_GROUP = "account-standing";

    private final JdbcTemplate jdbc;

    AccountStandings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** An account's standing, with its balance and whether that is below zero. */
    public record Standing(boolean verified, boolean blacklisted, String mfaSecret, boolean protection, long lastStep,
                           BigDecimal balance, boolean inArrear) {
        static final Standing DEFAULT = new Standing(true, false, null, false, 0, BigDecimal.ZERO.setScale(2), false);
    }

    public Standing of(String accountId) {
        return jdbc.query("SELECT * FROM account_standing WHERE account_id = ?", AccountStandings::standing, accountId)
                .stream().findFirst().orElse(Standing.DEFAULT);
    }

    /** The standing with the row locked until the transaction ends (an MFA code is accepted once). */
    Optional<Standing> lockedOf(String accountId) {
        return jdbc.query("SELECT * FROM account_standing WHERE account_id = ? FOR UPDATE", AccountStandings::standing,
                accountId).stream().findFirst();
    }

    private static Standing standing(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Standing(rs.getBoolean("real_name_verified"), rs.getBoolean("eip_blacklisted"),
                rs.getString("mfa_secret"), rs.getBoolean("protection_enabled"), rs.getLong("mfa_last_step"),
                rs.getBigDecimal("balance"), rs.getBoolean("in_arrear"));
    }

    void acceptedStep(String accountId, long step) {
        jdbc.update("UPDATE account_standing SET mfa_last_step = ? WHERE account_id = ?", step, accountId);
    }

    @EventHandler
    void on(AccountToppedUp e) {
        jdbc.update("INSERT INTO account_standing (account_id) VALUES (?) ON CONFLICT DO NOTHING", e.accountId());
        jdbc.update("UPDATE account_standing SET balance = balance + ?::numeric, funded = true WHERE account_id = ?",
                e.amount(), e.accountId());
    }

    @EventHandler
    void on(AccountCharged e) {
        jdbc.update("INSERT INTO account_standing (account_id) VALUES (?) ON CONFLICT DO NOTHING", e.accountId());
        jdbc.update("UPDATE account_standing SET balance = balance - ?::numeric WHERE account_id = ?", e.amount(),
                e.accountId());
    }

    @EventHandler
    void on(AccountArrearsChanged e) {
        set(e.accountId(), "in_arrear", e.inArrear());
        jdbc.update("UPDATE account_standing SET in_arrear_since = ? WHERE account_id = ?",
                e.inArrear() ? java.sql.Timestamp.from(e.changedAt()) : null, e.accountId());
    }

    /** Whether anything was ever paid into the account. */
    public boolean funded(String accountId) {
        return jdbc.queryForList("SELECT funded FROM account_standing WHERE account_id = ?", Boolean.class, accountId)
                .stream().findFirst().orElse(false);
    }

    @EventHandler
    void on(AccountRealNameSet e) {
        set(e.accountId(), "real_name_verified", e.verified());
    }

    @EventHandler
    void on(AccountBlacklistSet e) {
        set(e.accountId(), "eip_blacklisted", e.listed());
    }

    @EventHandler
    void on(AccountMfaEnrolled e) {
        set(e.accountId(), "mfa_secret", e.secretCiphertext());
        jdbc.update("UPDATE account_standing SET mfa_last_step = 0 WHERE account_id = ?", e.accountId());
    }

    @EventHandler
    void on(AccountProtectionSet e) {
        set(e.accountId(), "protection_enabled", e.enabled());
    }

    private void set(String accountId, String column, Object value) {
        jdbc.update("INSERT INTO account_standing (account_id) VALUES (?) ON CONFLICT DO NOTHING", accountId);
        jdbc.update("UPDATE account_standing SET " + column + " = ? WHERE account_id = ?", value, accountId);
    }
}
