package io.podservice.command.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** What operators (and the protected operations' refusals) do to an account's standing. */
public final class AccountCommands {

    private AccountCommands() {
    }

    public record SetRealNameVerification(@TargetAggregateIdentifier String accountId, boolean verified) {
    }

    public record SetElasticIpBlacklist(@TargetAggregateIdentifier String accountId, boolean listed) {
    }

    public record EnrollMfa(@TargetAggregateIdentifier String accountId, String secretCiphertext) {
    }

    public record SetOperationProtection(@TargetAggregateIdentifier String accountId, boolean enabled) {
    }

    public record RecordMfaRefusal(@TargetAggregateIdentifier String accountId, String operation, String resourceId,
                                   String reason) {
    }
}
