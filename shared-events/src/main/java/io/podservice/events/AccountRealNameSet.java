package io.podservice.events;

import java.time.Instant;

/** Whether the account has passed real-name verification: creating pods needs it. */
public record AccountRealNameSet(String accountId, boolean verified, Instant setAt) implements AccountEvent {
}
