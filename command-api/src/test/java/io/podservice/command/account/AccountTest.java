package io.podservice.command.account;

import io.podservice.command.domain.CommandRejected;
import io.podservice.events.AccountMfaEnrolled;
import io.podservice.events.AccountProtectionSet;
import io.podservice.events.AccountRealNameSet;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccountTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private AggregateTestFixture<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Account.class);
    }

    @Test
    void protectionNeedsAnEnrolledDevice() {
        fixture.givenNoPriorActivity()
                .when(new AccountCommands.SetOperationProtection("acct-1", true))
                .expectException(CommandRejected.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("enroll"));
        fixture.given(new AccountMfaEnrolled("acct-1", "c2VhbGVk", T0))
                .when(new AccountCommands.SetOperationProtection("acct-1", true))
                .expectEventsMatching(Matchers.exactSequenceOf(
                        Matchers.messageWithPayload(org.hamcrest.Matchers.instanceOf(AccountProtectionSet.class)),
                        Matchers.andNoMore()));
    }

    @Test
    void aSettingThatChangesNothingRecordsNothing() {
        fixture.given(new AccountRealNameSet("acct-1", false, T0))
                .when(new AccountCommands.SetRealNameVerification("acct-1", false))
                .expectNoEvents();
        fixture.given(new AccountRealNameSet("acct-1", false, T0))
                .when(new AccountCommands.SetRealNameVerification("acct-1", true))
                .expectEventsMatching(Matchers.exactSequenceOf(
                        Matchers.messageWithPayload(org.hamcrest.Matchers.instanceOf(AccountRealNameSet.class)),
                        Matchers.andNoMore()));
    }
}
