package io.podservice.command.account;

import io.podservice.api.catalog.PriceList;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import io.podservice.events.PodStarting;
import io.podservice.events.PodSuspended;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What happens to a pod nobody pays for, every {@code pod.billing.lifecycle-interval} (1 min):
 * <ul>
 *   <li>a prepaid pod whose period has ended renews itself when it was bought with {@code autoRenew}
 *       (the same months at the same amount, from where the period ended) and the balance can pay;</li>
 *   <li>otherwise it is {@code overdue}: suspended ({@code PodSuspended}; stopped when it ran), and
 *       retired ({@code PodRetired}, then deleted) {@code pod.billing.retention} (7 days) after its
 *       period ended;</li>
 *   <li>a postpaid pod of an account in arrear is suspended likewise, and retired a retention after
 *       the balance went below zero. A top-up ends the arrear: the pod may be started again.</li>
 * </ul>
 * Level-triggered: each run looks at what is due now, and the Pod aggregate records each step once.
 * One command-api instance runs it at a time (a PostgreSQL advisory lock held for the run), so a
 * renewal is paid once.
 */
@Component
@ProcessingGroup(AccountStandings.PROCESSING_GROUP)
public class UnpaidPodLifecycle {

    private static final Logger log = LoggerFactory.getLogger(UnpaidPodLifecycle.class);
    private static final String LOCK = "SELECT pg_try_advisory_lock(hashtext('unpaid-pod-lifecycle'))";
    private static final String UNLOCK = "SELECT pg_advisory_unlock(hashtext('unpaid-pod-lifecycle'))";

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final CommandGateway commands;
    private final PriceList prices;
    private final Clock clock;
    private final Duration retention;

    private final org.springframework.transaction.support.TransactionTemplate transaction;

    UnpaidPodLifecycle(DataSource dataSource, JdbcTemplate jdbc, CommandGateway commands, PriceList prices,
                       Optional<Clock> clock, @Value("${pod.billing.retention:P7D}") Duration retention,
                       org.springframework.transaction.PlatformTransactionManager transactions) {
        this.transaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.commands = commands;
        this.prices = prices;
        this.clock = clock.orElse(Clock.systemUTC());
        this.retention = retention;
    }

    /** What one run did. */
    public record Run(int renewed, int suspended, int retired) {
    }

    @Scheduled(initialDelayString = "${pod.billing.lifecycle-interval:PT1M}",
            fixedDelayString = "${pod.billing.lifecycle-interval:PT1M}")
    void scheduled() {
        Run run = enforce();
        if (run.renewed() + run.suspended() + run.retired() > 0) {
            log.info("unpaid pods: {} renewed, {} suspended, {} retired", run.renewed(), run.suspended(), run.retired());
        }
    }

    /** One run, unless another instance is making one (then nothing, as an empty run). */
    public Run enforce() {
        try (Connection lock = dataSource.getConnection()) {
            if (!query(lock, LOCK)) {
                return new Run(0, 0, 0);
            }
            try {
                return enforceHoldingTheLock();
            } finally {
                query(lock, UNLOCK);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the unpaid pods' lock cannot be taken: " + e.getMessage(), e);
        }
    }

    private static boolean query(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private record Ended(String podId, String accountId, Instant periodEnd, Integer renewMonths, BigDecimal renewAmount) {
    }

    private record Unpaid(String podId, String accountId, Instant since, BigDecimal balance) {
    }

    private Run enforceHoldingTheLock() {
        Instant now = clock.instant();
        int renewed = 0;
        java.util.Map<UnpaidPods.Outcome, Integer> outcomes = new java.util.EnumMap<>(UnpaidPods.Outcome.class);
        // a suspended pod is looked at again when it is due to retire (or renewed by a top-up: autoRenew)
        List<Ended> ended = jdbc.query("""
                SELECT pod_id, account_id, period_end, renew_months, renew_amount FROM prepaid_pod
                WHERE period_end <= ? AND (NOT suspended OR renew_months IS NOT NULL OR period_end <= ?)
                ORDER BY period_end LIMIT 1000""",
                (rs, row) -> new Ended(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        (Integer) rs.getObject(4), rs.getBigDecimal(5)), Timestamp.from(now),
                Timestamp.from(now.minus(retention)));
        for (Ended pod : ended) {
            if (pod.renewMonths() != null && renew(pod)) {
                renewed++;
                continue;
            }
            String why = "its prepaid period ended at " + pod.periodEnd();
            outcomes.merge(step(pod.podId(), "overdue", pod.periodEnd(), now, why,
                    why + " and was not renewed within " + retention), 1, Integer::sum);
        }
        List<Unpaid> arrear = jdbc.query("""
                SELECT p.pod_id, p.account_id, s.in_arrear_since, s.balance FROM postpaid_pod p
                JOIN account_standing s ON s.account_id = p.account_id
                WHERE s.in_arrear AND p.ended_at IS NULL AND (NOT p.suspended OR s.in_arrear_since <= ?)
                ORDER BY s.in_arrear_since, p.pod_id LIMIT 1000""",
                (rs, row) -> new Unpaid(rs.getString(1), rs.getString(2),
                        rs.getTimestamp(3) == null ? now : rs.getTimestamp(3).toInstant(), rs.getBigDecimal(4)),
                Timestamp.from(now.minus(retention)));
        for (Unpaid pod : arrear) {
            String why = "the balance of account '" + pod.accountId() + "' is " + pod.balance() + " since " + pod.since();
            outcomes.merge(step(pod.podId(), "arrear", pod.since(), now, why, why + ", longer than " + retention), 1,
                    Integer::sum);
        }
        return new Run(renewed, outcomes.getOrDefault(UnpaidPods.Outcome.SUSPENDED, 0),
                outcomes.getOrDefault(UnpaidPods.Outcome.RETIRED, 0));
    }

    /** A pod unpaid since {@code unpaidSince}: suspended within the retention, retired after it. */
    private UnpaidPods.Outcome step(String podId, String status, Instant unpaidSince, Instant now, String why,
                                    String retireWhy) {
        Instant retireAt = unpaidSince.plus(retention);
        return now.isBefore(retireAt) ? suspend(podId, status, why, retireAt) : retire(podId, status, retireWhy);
    }

    /**
     * The same months again, from where the period ended; false when the balance cannot pay them. The
     * pod's row is locked while it is paid, and still there with its renewal: a pod whose deletion
     * began (or ended) meanwhile is not paid for.
     */
    private boolean renew(Ended pod) {
        Instant end = pod.periodEnd().plus(PrepaidPods.MONTH.multipliedBy(pod.renewMonths()));
        try {
            Boolean renewed = transaction.execute(status -> {
                if (jdbc.queryForList("SELECT pod_id FROM prepaid_pod WHERE pod_id = ? AND period_end = ? "
                        + "AND renew_months IS NOT NULL FOR UPDATE", String.class, pod.podId(),
                        Timestamp.from(pod.periodEnd())).isEmpty()) {
                    return false;
                }
                commands.sendAndWait(new AccountCommands.PayAhead(pod.accountId(), pod.podId(), pod.renewAmount(),
                        prices.getCurrency(), pod.periodEnd(), end, pod.renewMonths()), 30, TimeUnit.SECONDS);
                return true;
            });
            if (Boolean.TRUE.equals(renewed)) {
                log.info("pod {} renewed until {} for {} {}", pod.podId(), end, pod.renewAmount(), prices.getCurrency());
            }
            return Boolean.TRUE.equals(renewed);
        } catch (RuntimeException refused) {
            log.info("pod {} is not renewed: {}", pod.podId(), refused.getMessage());
            return false;
        }
    }

    /** Suspended pods are left out of the runs until they are due to retire (both tables keep the flag). */
    @EventHandler
    void on(PodSuspended e) {
        markSuspended(e.podId(), true);
    }

    @EventHandler
    void on(PodStarting e) {
        markSuspended(e.podId(), false);
    }

    private void markSuspended(String podId, boolean suspended) {
        jdbc.update("UPDATE prepaid_pod SET suspended = ? WHERE pod_id = ?", suspended, podId);
        jdbc.update("UPDATE postpaid_pod SET suspended = ? WHERE pod_id = ?", suspended, podId);
    }

    private UnpaidPods.Outcome suspend(String podId, String status, String why, Instant retireAt) {
        return send(new UnpaidPods.SuspendPod(podId, status, "Pod '" + podId + "' is " + status + ": " + why
                + "; it is stopped and released at " + retireAt + " unless it is paid for", retireAt), podId);
    }

    private UnpaidPods.Outcome retire(String podId, String status, String why) {
        return send(new UnpaidPods.RetirePod(podId, status, "Pod '" + podId + "' is released: " + why), podId);
    }

    private UnpaidPods.Outcome send(Object command, String podId) {
        try {
            UnpaidPods.Outcome outcome = commands.sendAndWait(command, 30, TimeUnit.SECONDS);
            if (outcome == UnpaidPods.Outcome.SUSPENDED || outcome == UnpaidPods.Outcome.RETIRED) {
                log.info("pod {}: {}", podId, outcome);
            }
            return outcome;
        } catch (RuntimeException e) {
            if (io.podservice.api.web.ApiFailures.causeOf(e,
                    org.axonframework.modelling.command.AggregateNotFoundException.class).isPresent()) {
                // deleted (or never a pod here): nothing of it is left to charge or enforce
                jdbc.update("DELETE FROM prepaid_pod WHERE pod_id = ?", podId);
                jdbc.update("UPDATE postpaid_pod SET ended_at = COALESCE(ended_at, now()) WHERE pod_id = ?", podId);
                return UnpaidPods.Outcome.GONE;
            }
            log.warn("pod {} not handled this time ({}): {}", podId, command.getClass().getSimpleName(), e.getMessage());
            return UnpaidPods.Outcome.BUSY;
        }
    }
}
