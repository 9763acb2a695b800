package io.podservice.command.account;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.podservice.command.domain.CommandRejected;
import io.podservice.events.AccountArrearsChanged;
import io.podservice.events.AccountBlacklistSet;
import io.podservice.events.AccountCharged;
import io.podservice.events.AccountToppedUp;
import io.podservice.events.AccountMfaEnrolled;
import io.podservice.events.AccountMfaRefused;
import io.podservice.events.AccountProtectionSet;
import io.podservice.events.AccountRealNameSet;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An account's standing with the service, as operators set it: real-name verified (accounts are
 * until an operator says otherwise), on the elastic IP blacklist or not, its MFA device and
 * whether sensitive operations need it; and its balance: top-ups less charges (a prepaid pod is
 * paid ahead from it, or refused). Made by the first command about it. A setting
 * that changes nothing records nothing.
 */
@Aggregate
public class Account {

    @AggregateIdentifier
    private String accountId;
    private boolean verified = true;
    private boolean listed;
    private boolean mfaEnrolled;
    private boolean protectionOn;
    private java.math.BigDecimal balance = java.math.BigDecimal.ZERO;
    private boolean inArrear;

    protected Account() {
        // for Axon's event sourcing
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(AccountCommands.CreateAccount command) {
        apply(new io.podservice.events.AccountCreated(command.accountId(), command.name(), Instant.now()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(AccountCommands.RecordAccessKey command) {
        apply(new io.podservice.events.AccountAccessKeyCreated(command.accountId(), command.accessKeyId(), Instant.now()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(AccountCommands.SetRealNameVerification command) {
        if (accountId == null || verified != command.verified()) {
            apply(new AccountRealNameSet(command.accountId(), command.verified(), Instant.now()));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(AccountCommands.SetElasticIpBlacklist command) {
        if (accountId == null || listed != command.listed()) {
            apply(new AccountBlacklistSet(command.accountId(), command.listed(), Instant.now()));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(AccountCommands.EnrollMfa command) {
        apply(new AccountMfaEnrolled(command.accountId(), command.secretCiphertext(), Instant.now()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(AccountCommands.SetOperationProtection command) {
        if (command.enabled() && !mfaEnrolled) {
            throw CommandRejected.of(CommandRejected.Reason.FAILED_PRECONDITION, "Account '" + command.accountId()
                    + "' has no MFA device: enroll one (enrollMfa) before turning operation protection on");
        }
        if (accountId == null || protectionOn != command.enabled()) {
            apply(new AccountProtectionSet(command.accountId(), command.enabled(), Instant.now()));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(AccountCommands.RecordMfaRefusal command) {
        apply(new AccountMfaRefused(command.accountId(), command.operation(), command.resourceId(), command.reason(),
                Instant.now()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(AccountCommands.TopUp command) {
        if (command.amount().signum() <= 0 || command.amount().scale() > 2) {
            throw CommandRejected.invalid("amount", "a positive amount to the cent, like 100.00; got " + command.amount());
        }
        apply(new AccountToppedUp(command.accountId(), command.amount().toPlainString(), command.currency(),
                Instant.now()));
        if (inArrear && balance.signum() >= 0) {
            apply(new AccountArrearsChanged(command.accountId(), false, balance.toPlainString(), Instant.now()));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(AccountCommands.ChargeUsage command) {
        apply(new AccountCharged(command.accountId(), command.resourceId(), command.chargeMode(),
                command.amount().toPlainString(), command.currency(), command.periodStart(), command.periodEnd(),
                Instant.now(), null));
        if (!inArrear && balance.signum() < 0) {
            apply(new AccountArrearsChanged(command.accountId(), true, balance.toPlainString(), command.chargedAt()));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(AccountCommands.PayAhead command) {
        if (balance.compareTo(command.amount()) < 0) {
            throw CommandRejected.of(CommandRejected.Reason.FAILED_PRECONDITION, "Insufficient balance: paying "
                    + command.resourceId() + " ahead until " + command.periodEnd() + " costs " + command.amount() + " "
                    + command.currency() + " and the balance of account '" + command.accountId() + "' is " + balance
                    + " " + command.currency());
        }
        apply(new AccountCharged(command.accountId(), command.resourceId(), "prepaid_by_duration",
                command.amount().toPlainString(), command.currency(), command.periodStart(), command.periodEnd(),
                Instant.now(), command.autoRenewMonths()));
    }

    @EventSourcingHandler
    void on(AccountArrearsChanged event) {
        accountId = event.accountId();
        inArrear = event.inArrear();
    }

    @EventSourcingHandler
    void on(AccountToppedUp event) {
        accountId = event.accountId();
        balance = balance.add(new java.math.BigDecimal(event.amount()));
    }

    @EventSourcingHandler
    void on(AccountCharged event) {
        accountId = event.accountId();
        balance = balance.subtract(new java.math.BigDecimal(event.amount()));
    }

    @EventSourcingHandler
    void on(AccountRealNameSet event) {
        accountId = event.accountId();
        verified = event.verified();
    }

    @EventSourcingHandler
    void on(AccountBlacklistSet event) {
        accountId = event.accountId();
        listed = event.listed();
    }

    @EventSourcingHandler
    void on(AccountMfaEnrolled event) {
        accountId = event.accountId();
        mfaEnrolled = true;
    }

    @EventSourcingHandler
    void on(AccountProtectionSet event) {
        accountId = event.accountId();
        protectionOn = event.enabled();
    }

    @EventSourcingHandler
    void on(AccountMfaRefused event) {
        accountId = event.accountId();
    }

    @EventSourcingHandler
    void on(io.podservice.events.AccountCreated event) {
        accountId = event.accountId();
    }

    @EventSourcingHandler
    void on(io.podservice.events.AccountAccessKeyCreated event) {
        accountId = event.accountId();
    }
}
