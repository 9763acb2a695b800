package io.podservice.events;

/**
 * An event of an account: its creation and access keys, and its standing, set by an operator: real-name verification, the elastic IP
 * blacklist, MFA enrolment and operation protection; and the refusals of protected operations
 * (audited). The account's id is the Kafka key. No event carries a secret in plaintext.
 */
public sealed interface AccountEvent extends ServiceEvent permits AccountRealNameSet, AccountBlacklistSet,
        AccountMfaEnrolled, AccountProtectionSet, AccountMfaRefused, AccountToppedUp, AccountCharged, AccountArrearsChanged,
        AccountCreated, AccountAccessKeyCreated {

    String accountId();

    @Override
    default String aggregateId() {
        return accountId();
    }
}
