package io.podservice.command.account;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The service's own commands to a pod nobody pays for (handled by the Pod aggregate, no account
 * behind them): suspend it (stop it, and record why), and retire it (delete it) once the retention
 * has passed. {@code chargeStatus} is {@code overdue} or {@code arrear}.
 */
public final class UnpaidPods {

    private UnpaidPods() {
    }

    public record SuspendPod(@TargetAggregateIdentifier String podId, String chargeStatus, String message,
                             Instant retireAt) {
    }

    public record RetirePod(@TargetAggregateIdentifier String podId, String chargeStatus, String message) {
    }

    /**
     * What the pod did: SUSPENDED (recorded, and stopped when it ran), RETIRED (its deletion began),
     * ALREADY (suspended before, or being deleted), BUSY (a task of it is in flight: ask again later),
     * GONE (deleted).
     */
    public enum Outcome { SUSPENDED, RETIRED, ALREADY, BUSY, GONE }
}
