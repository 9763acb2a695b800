package io.podservice.command.account;

import io.podservice.api.catalog.PriceList;
import io.podservice.api.web.ApiException;
import io.podservice.api.web.ErrorStatus;
import io.podservice.command.infrastructure.CommandSender;
import io.podservice.events.AccountCharged;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Prepaid pods (chargeMode prepaid_by_duration): paid ahead from the account's balance at createPods,
 * a month being 30 days at {@link PriceList#monthly}; their paid periods ({@code prepaid_pod}, kept
 * by the subscribing processor {@value AccountStandings#PROCESSING_GROUP}); and JD Cloud's rule
 * that deletePod removes only pay-as-you-go pods and prepaid pods whose period has ended
 * ("只能支持主动删除按量计费类型的实例。包年包月过期的 pod 也可以删除"). Time is the context's
 * {@link Clock} when it has one (tests move it), else the system's.
 */
@Component
@ProcessingGroup(AccountStandings.PROCESSING_GROUP)
public class PrepaidPods {

    static final Duration MONTH = Duration.ofDays(30);

    private final JdbcTemplate jdbc;
    private final CommandSender sender;
    private final PriceList prices;
    private final Clock clock;

    PrepaidPods(JdbcTemplate jdbc, CommandSender sender, PriceList prices, Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.sender = sender;
        this.prices = prices;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /**
     * Pays each pod's {@code months} ahead; refused (FAILED_PRECONDITION, insufficient balance) when the
     * balance cannot. With {@code autoRenew}, each pod renews itself for as long when its period ends.
     */
    public void payAhead(String accountId, String instanceType, int months, boolean autoRenew, List<String> podIds) {
        BigDecimal amount = prices.monthly(instanceType).multiply(BigDecimal.valueOf(months));
        Instant start = clock.instant();
        Instant end = start.plus(MONTH.multipliedBy(months));
        for (String podId : podIds) {
            sender.send(new AccountCommands.PayAhead(accountId, podId, amount, prices.getCurrency(), start, end,
                    autoRenew ? months : null), "Account", accountId);
        }
    }

    /**
     * A prepaid pod of another instance type from now (resizePod), settled as JD Cloud settles it: the
     * rest of its period at the new price. Dearer: the difference is paid now, the period's end stays
     * (FAILED_PRECONDITION when the balance cannot pay it). Cheaper: what is left is worth more time, so
     * the period ends later. A renewal is at the new price from then on. A postpaid pod, or one whose
     * period has ended, has nothing to settle.
     */
    public void resize(String accountId, String podId, String fromType, String toType) {
        List<Object[]> rows = jdbc.query("SELECT period_end, renew_months FROM prepaid_pod WHERE pod_id = ? "
                        + "AND account_id = ? FOR UPDATE", (rs, row) -> new Object[] {rs.getTimestamp(1).toInstant(),
                        rs.getObject(2) == null ? null : rs.getInt(2)}, podId, accountId);
        if (rows.isEmpty()) {
            return;
        }
        Instant end = (Instant) rows.get(0)[0];
        Integer renewMonths = (Integer) rows.get(0)[1];
        BigDecimal before = prices.monthly(fromType);
        BigDecimal after = prices.monthly(toType);
        if (renewMonths != null) {
            // a renewal, now or after an overdue period, is at the new type's price
            jdbc.update("UPDATE prepaid_pod SET renew_amount = ?::numeric WHERE pod_id = ?",
                    after.multiply(BigDecimal.valueOf(renewMonths)).toPlainString(), podId);
        }
        Instant now = clock.instant();
        if (!end.isAfter(now)) {
            return;
        }
        long left = Duration.between(now, end).getSeconds();
        BigDecimal difference = after.subtract(before).multiply(BigDecimal.valueOf(left))
                .divide(BigDecimal.valueOf(MONTH.getSeconds()), 2, java.math.RoundingMode.HALF_UP);
        Instant newEnd = difference.signum() >= 0 ? end
                : now.plusSeconds(BigDecimal.valueOf(left).multiply(before).divide(after, 0,
                        java.math.RoundingMode.DOWN).longValueExact());
        sender.send(new AccountCommands.PayAhead(accountId, podId, difference.max(BigDecimal.ZERO)
                .setScale(2, java.math.RoundingMode.HALF_UP), prices.getCurrency(), end, newEnd, renewMonths),
                "Account", accountId);
    }

    /** The end of the account's pod's prepaid period; empty for a postpaid pod (or another account's). */
    Optional<Instant> periodEnd(String accountId, String podId) {
        return jdbc.query("SELECT period_end FROM prepaid_pod WHERE pod_id = ? AND account_id = ?",
                (rs, row) -> rs.getTimestamp(1).toInstant(), podId, accountId).stream().findFirst();
    }

    Instant now() {
        return clock.instant();
    }

    void requireExpired(String accountId, String podId) {
        periodEnd(accountId, podId).filter(end -> end.isAfter(clock.instant())).ifPresent(end -> {
                    throw new ApiException(ErrorStatus.FAILED_PRECONDITION, "Pod '" + podId + "' is prepaid until " + end
                            + ": deletePod removes pay-as-you-go pods and prepaid pods whose period has ended");
                });
    }

    @EventHandler
    void on(AccountCharged e) {
        if ("prepaid_by_duration".equals(e.chargeMode())) {
            // a renewal (its period starts where the last ended) moves a live row on; only a first payment makes one
            int renewed = jdbc.update("UPDATE prepaid_pod SET period_end = ?, suspended = FALSE WHERE pod_id = ? "
                    + "AND period_end = ?", Timestamp.from(e.periodEnd()), e.resourceId(), Timestamp.from(e.periodStart()));
            if (renewed == 0) {
                jdbc.update("""
                        INSERT INTO prepaid_pod (pod_id, account_id, period_start, period_end, renew_months, renew_amount)
                        VALUES (?, ?, ?, ?, ?, ?::numeric) ON CONFLICT (pod_id) DO NOTHING""",
                        e.resourceId(), e.accountId(), Timestamp.from(e.periodStart()), Timestamp.from(e.periodEnd()),
                        e.autoRenewMonths(), e.autoRenewMonths() == null ? null : e.amount());
            }
        }
    }

    /** A deleted pod has no period left to pay or to enforce. */
    @EventHandler
    void on(io.podservice.events.PodDeleted e) {
        jdbc.update("DELETE FROM prepaid_pod WHERE pod_id = ?", e.podId());
    }

    /** A pod being deleted is renewed no more (its deletion may take a while). */
    @EventHandler
    void on(io.podservice.events.PodDeleting e) {
        jdbc.update("UPDATE prepaid_pod SET renew_months = NULL, renew_amount = NULL WHERE pod_id = ?", e.podId());
    }
}
