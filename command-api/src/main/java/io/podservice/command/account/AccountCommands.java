package io.podservice.command.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** What operators (and the protected operations' refusals) do to an account's standing. */
public final class AccountCommands {

    private AccountCommands() {
    }

    public record CreateAccount(@TargetAggregateIdentifier String accountId, String name) {
    }

    public record RecordAccessKey(@TargetAggregateIdentifier String accountId, String accessKeyId) {
    }

    public record SetRealNameVerification(@TargetAggregateIdentifier String accountId, boolean verified) {
    }

    public record SetElasticIpBlacklist(@TargetAggregateIdentifier String accountId, boolean listed) {
    }

    public record EnrollMfa(@TargetAggregateIdentifier String accountId, String secretCiphertext) {
    }

    public record SetOperationProtection(@TargetAggregateIdentifier String accountId, boolean enabled) {
    }

    public record TopUp(@TargetAggregateIdentifier String accountId, java.math.BigDecimal amount, String currency) {
    }

    /**
     * Pays a prepaid resource's period from the balance, or is refused when the balance cannot;
     * {@code autoRenewMonths}: the months each automatic renewal pays (null: none).
     */
    public record PayAhead(@TargetAggregateIdentifier String accountId, String resourceId, java.math.BigDecimal amount,
                           String currency, java.time.Instant periodStart, java.time.Instant periodEnd,
                           Integer autoRenewMonths) {
    }

    /** Charges a postpaid resource's period to the balance, which may go below zero (then: arrear). */
    public record ChargeUsage(@TargetAggregateIdentifier String accountId, String resourceId, String chargeMode,
                              java.math.BigDecimal amount, String currency, java.time.Instant periodStart,
                              java.time.Instant periodEnd, java.time.Instant chargedAt) {
    }

    public record RecordMfaRefusal(@TargetAggregateIdentifier String accountId, String operation, String resourceId,
                                   String reason) {
    }
}
