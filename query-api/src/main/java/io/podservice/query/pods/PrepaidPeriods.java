package io.podservice.query.pods;

import io.podservice.events.AccountCharged;
import io.podservice.events.EventEnvelope;
import io.podservice.query.ReadModel;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The periods prepaid pods are paid for ({@code pod_prepaid_view}, from the accounts' prepaid
 * charges), and the charge describePod(s) shows for them: normal until the period ends, overdue
 * after, retired {@code pod.billing.retention} (7 days) after the end; and the accounts in arrear
 * ({@code account_arrear_view}), whose postpaid pods show arrear and are retired a retention after
 * the balance went below zero.
 */
@Component
public class PrepaidPeriods implements ReadModel {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration retention;

    PrepaidPeriods(JdbcTemplate jdbc, Optional<Clock> clock,
                   @Value("${pod.billing.retention:P7D}") Duration retention) {
        this.jdbc = jdbc;
        this.clock = clock.orElse(Clock.systemUTC());
        this.retention = retention;
    }

    /** A prepaid pod's paid period as JD Cloud's Charge shows it. */
    public record Period(Instant start, Instant end, String status, Instant retireAt) {
    }

    @Override
    public List<String> tables() {
        return List.of("pod_prepaid_view", "account_arrear_view");
    }

    @Override
    public void apply(EventEnvelope event) {
        if (event.payload() instanceof io.podservice.events.AccountArrearsChanged changed) {
            jdbc.update("""
                    INSERT INTO account_arrear_view (account_id, in_arrear, since) VALUES (?, ?, ?)
                    ON CONFLICT (account_id) DO UPDATE SET in_arrear = excluded.in_arrear, since = excluded.since""",
                    changed.accountId(), changed.inArrear(),
                    changed.inArrear() ? Timestamp.from(changed.changedAt()) : null);
        }
        if (event.payload() instanceof AccountCharged charged && "prepaid_by_duration".equals(charged.chargeMode())) {
            jdbc.update("""
                    INSERT INTO pod_prepaid_view (pod_id, period_start, period_end) VALUES (?, ?, ?)
                    ON CONFLICT (pod_id) DO UPDATE SET period_end = excluded.period_end""",
                    charged.resourceId(), Timestamp.from(charged.periodStart()), Timestamp.from(charged.periodEnd()));
        }
    }

    /**
     * Those of {@code accountIds} whose balance is below zero, each with when its postpaid pods are
     * retired if it stays so ({@code pod.billing.retention} after it went below), one query for all.
     */
    public Map<String, Instant> inArrear(Collection<String> accountIds) {
        Map<String, Instant> retireAt = new HashMap<>();
        if (accountIds.isEmpty()) {
            return retireAt;
        }
        jdbc.query("SELECT account_id, since FROM account_arrear_view WHERE in_arrear AND account_id = ANY (?)",
                rs -> {
                    Timestamp since = rs.getTimestamp(2);
                    // an account in arrear before its time was recorded: retired a retention from now
                    retireAt.put(rs.getString(1), (since == null ? clock.instant() : since.toInstant()).plus(retention));
                }, (Object) accountIds.toArray(String[]::new));
        return retireAt;
    }

    /** The periods of those of {@code podIds} that are prepaid, one query for all. */
    public Map<String, Period> of(Collection<String> podIds) {
        Map<String, Period> periods = new HashMap<>();
        if (podIds.isEmpty()) {
            return periods;
        }
        Instant now = clock.instant();
        jdbc.query("SELECT pod_id, period_start, period_end FROM pod_prepaid_view WHERE pod_id = ANY (?)", rs -> {
            Instant end = rs.getTimestamp(3).toInstant();
            periods.put(rs.getString(1), new Period(rs.getTimestamp(2).toInstant(), end,
                    now.isBefore(end) ? "normal" : "overdue", end.plus(retention)));
        }, (Object) podIds.toArray(String[]::new));
        return periods;
    }
}
