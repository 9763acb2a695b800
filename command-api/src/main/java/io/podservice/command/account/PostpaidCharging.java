package io.podservice.command.account;

import io.podservice.api.catalog.PriceList;
import org.axonframework.commandhandling.gateway.CommandGateway;
import io.podservice.events.AccountCharged;
import io.podservice.events.PodCreated;
import io.podservice.events.PodDeleted;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Postpaid pods by duration (JD Cloud's "按配置后付费", the default) are charged to their account's
 * balance for every hour they exist, at their instance type's hourly price: every
 * {@code pod.billing.charge-interval} (1 h), each pod's hours that have ended since it was last
 * charged are one {@code AccountCharged}; a deleted pod's last, partial hour is charged as a whole
 * one, and the pod is done. The balance may go below zero: the Account then records
 * {@code AccountArrearsChanged} (its postpaid pods are in arrear and do not start) until a top-up
 * brings it back. Postpaid pods by usage ("按用量后付费") are charged for the seconds they ran since
 * their last charge, at the same hourly price per second (running from {@code PodRunning} until the
 * pod stops, fails, is deleted or moved); a charge under a cent waits for the next run.
 * Level-triggered and idempotent (a pod's period is charged once: its start moves with each charge,
 * in the charge's transaction, and the rows are locked while it is made), so any command-api
 * instance may run it.
 */
@Component
@ProcessingGroup(AccountStandings.PROCESSING_GROUP)
public class PostpaidCharging {

    static final String BY_DURATION = "postpaid_by_duration";
    static final String BY_USAGE = "postpaid_by_usage";
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(PostpaidCharging.class);

    private final JdbcTemplate jdbc;
    private final CommandGateway commands;
    private final PriceList prices;
    private final Clock clock;
    private final AccountStandings standings;
    private final BigDecimal openingBalance;
    private final org.springframework.transaction.support.TransactionTemplate transaction;

    PostpaidCharging(JdbcTemplate jdbc, CommandGateway commands, PriceList prices, Optional<Clock> clock,
                     AccountStandings standings,
                     @org.springframework.beans.factory.annotation.Value("${pod.billing.opening-balance:0}")
                     BigDecimal openingBalance,
                     org.springframework.transaction.PlatformTransactionManager transactions) {
        this.transaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.standings = standings;
        this.openingBalance = openingBalance;
        this.jdbc = jdbc;
        this.commands = commands;
        this.prices = prices;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    private record Due(String podId, String accountId, String instanceType, String chargeMode, Instant chargedUntil,
                       Instant endedAt, long usageSeconds, Instant runningSince) {
    }

    @Scheduled(initialDelayString = "${pod.billing.charge-interval:PT1H}",
            fixedDelayString = "${pod.billing.charge-interval:PT1H}")
    void chargeAll() {
        for (String accountId : jdbc.queryForList("SELECT DISTINCT account_id FROM postpaid_pod ORDER BY account_id",
                String.class)) {
            try {
                chargeAccount(accountId);
            } catch (RuntimeException e) {
                log.warn("charging account {} failed; the next run charges what is still due: {}", accountId, e.toString());
            }
        }
    }

    /**
     * Charges the account's postpaid pods for the hours that have ended, in one transaction under the
     * account's lock (two instances never charge the same hours); returns how many charges it made.
     */
    public int chargeAccount(String accountId) {
        // a transaction of its own, also when chargeAll calls it (an annotation would not apply to a call
        // from within the class: the lock would be released at once and two instances could charge twice)
        return transaction.execute(status -> charge(accountId));
    }

    private int charge(String accountId) {
        jdbc.queryForList("SELECT pg_advisory_xact_lock(hashtext(?))", "postpaid-charging:" + accountId);
        Instant now = clock.instant();
        // locked: a pod's run that ends while it is charged is counted after the charge, from where it moved
        List<Due> pods = jdbc.query("SELECT * FROM postpaid_pod WHERE account_id = ? ORDER BY pod_id FOR UPDATE",
                (rs, row) -> new Due(rs.getString("pod_id"), rs.getString("account_id"), rs.getString("instance_type"),
                        rs.getString("charge_mode"), rs.getTimestamp("charged_until").toInstant(),
                        instant(rs.getTimestamp("ended_at")), rs.getLong("usage_seconds"),
                        instant(rs.getTimestamp("running_since"))),
                accountId);
        int charges = 0;
        if (openingBalance.signum() > 0 && !pods.isEmpty() && !standings.funded(accountId)) {
            // an account nobody has paid into yet opens with the configured balance (the launcher's: 1000.00)
            commands.sendAndWait(new AccountCommands.TopUp(accountId,
                    openingBalance.setScale(2, java.math.RoundingMode.HALF_UP), prices.getCurrency()));
        }
        for (Due pod : pods) {
            if (BY_USAGE.equals(pod.chargeMode())) {
                charges += chargeUsage(accountId, pod, now) ? 1 : 0;
                continue;
            }
            Instant until = pod.endedAt() == null ? now : pod.endedAt();
            long seconds = Duration.between(pod.chargedUntil(), until).getSeconds();
            // live: the hours that have ended; deleted: every hour begun
            long hours = pod.endedAt() == null ? seconds / HOUR.getSeconds() : (seconds + HOUR.getSeconds() - 1) / HOUR.getSeconds();
            if (hours > 0) {
                BigDecimal amount = prices.hourly(pod.instanceType()).multiply(BigDecimal.valueOf(hours))
                        .setScale(2, java.math.RoundingMode.HALF_UP);
                // the service's own command, outside any request: sent as the evacuation sends its own
                commands.sendAndWait(new AccountCommands.ChargeUsage(accountId, pod.podId(), BY_DURATION, amount,
                        prices.getCurrency(), pod.chargedUntil(), pod.chargedUntil().plus(HOUR.multipliedBy(hours)), now));
                charges++;
            }
            if (pod.endedAt() != null) {
                jdbc.update("DELETE FROM postpaid_pod WHERE pod_id = ?", pod.podId());
            }
        }
        return charges;
    }

    /** The seconds a by-usage pod ran since its last charge, when they come to a cent or more; a deleted pod's always. */
    private boolean chargeUsage(String accountId, Due pod, Instant now) {
        long seconds = pod.usageSeconds() + (pod.runningSince() == null ? 0
                : Math.max(0, Duration.between(pod.runningSince(), now).getSeconds()));
        BigDecimal amount = prices.hourly(pod.instanceType()).multiply(BigDecimal.valueOf(seconds))
                .divide(BigDecimal.valueOf(HOUR.getSeconds()), 2, java.math.RoundingMode.HALF_UP);
        boolean charged = amount.signum() > 0;
        if (charged) {
            commands.sendAndWait(new AccountCommands.ChargeUsage(accountId, pod.podId(), BY_USAGE, amount,
                    prices.getCurrency(), pod.chargedUntil(), now, now));
        }
        if (pod.endedAt() != null && pod.runningSince() == null) {
            jdbc.update("DELETE FROM postpaid_pod WHERE pod_id = ?", pod.podId());
        }
        return charged;
    }

    /** Whether the pod is the account's and charged as it exists or runs (postpaid, not deleted). */
    public boolean charges(String accountId, String podId) {
        return !jdbc.queryForList("SELECT 1 FROM postpaid_pod WHERE pod_id = ? AND account_id = ? AND ended_at IS NULL",
                Integer.class, podId, accountId).isEmpty();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }


    /** A by-usage pod runs from now (the worker's report of its start). */
    @EventHandler
    void on(io.podservice.events.PodRunning e) {
        jdbc.update("UPDATE postpaid_pod SET running_since = ? WHERE pod_id = ? AND charge_mode = ? AND running_since IS NULL",
                Timestamp.from(e.startedAt()), e.podId(), BY_USAGE);
    }

    @EventHandler
    void on(io.podservice.events.PodStopping e, @org.axonframework.eventhandling.Timestamp Instant at) {
        stoppedRunning(e.podId(), at);
    }

    @EventHandler
    void on(io.podservice.events.PodFailed e, @org.axonframework.eventhandling.Timestamp Instant at) {
        stoppedRunning(e.podId(), at);
    }

    @EventHandler
    void on(io.podservice.events.PodDeleting e, @org.axonframework.eventhandling.Timestamp Instant at) {
        stoppedRunning(e.podId(), at);
    }

    @EventHandler
    void on(io.podservice.events.PodScheduled e, @org.axonframework.eventhandling.Timestamp Instant at) {
        if (e.previousNodeId() != null) {
            // moved: it runs again on the new node once that reports it running
            stoppedRunning(e.podId(), at);
        }
    }

    /** The pod's run ended at {@code at}: its seconds since it began (or since its last charge) are due. */
    private void stoppedRunning(String podId, Instant at) {
        jdbc.update("""
                UPDATE postpaid_pod SET usage_seconds = usage_seconds
                    + greatest(0, floor(extract(epoch FROM (?::timestamptz - running_since))))::bigint, running_since = NULL
                WHERE pod_id = ? AND charge_mode = ? AND running_since IS NOT NULL""",
                Timestamp.from(at), podId, BY_USAGE);
    }

    /** resizePod: charged at the new type's price from now (the hour in progress too). */
    @EventHandler
    void on(io.podservice.events.PodResized e) {
        jdbc.update("UPDATE postpaid_pod SET instance_type = ? WHERE pod_id = ?", e.definition().instanceType(),
                e.podId());
    }

    @EventHandler
    void on(PodCreated e) {
        String mode = e.definition().chargeMode() == null ? BY_DURATION : e.definition().chargeMode();
        if (!mode.startsWith("postpaid")) {
            return;
        }
        jdbc.update("""
                INSERT INTO postpaid_pod (pod_id, account_id, instance_type, charge_mode, charged_until)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT (pod_id) DO NOTHING""",
                e.podId(), e.accountId(), e.definition().instanceType(), mode, Timestamp.from(e.createdAt()));
    }

    @EventHandler
    void on(PodDeleted e) {
        jdbc.update("UPDATE postpaid_pod SET ended_at = ? WHERE pod_id = ?", Timestamp.from(e.deletedAt()), e.podId());
    }

    @EventHandler
    void on(AccountCharged e) {
        if (BY_USAGE.equals(e.chargeMode())) {
            // the seconds up to the period's end are charged: what runs on counts from there
            jdbc.update("""
                    UPDATE postpaid_pod SET charged_until = ?, usage_seconds = 0,
                        running_since = CASE WHEN running_since IS NULL THEN NULL ELSE greatest(running_since, ?::timestamptz) END
                    WHERE pod_id = ?""", Timestamp.from(e.periodEnd()), Timestamp.from(e.periodEnd()), e.resourceId());
        } else if (e.chargeMode().startsWith("postpaid")) {
            jdbc.update("UPDATE postpaid_pod SET charged_until = ? WHERE pod_id = ? AND charged_until < ?",
                    Timestamp.from(e.periodEnd()), e.resourceId(), Timestamp.from(e.periodEnd()));
        }
    }
}
