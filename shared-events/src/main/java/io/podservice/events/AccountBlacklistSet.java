package io.podservice.events;

import java.time.Instant;

/** Whether the account is on the elastic IP blacklist: a listed account binds no elastic IP. */
public record AccountBlacklistSet(String accountId, boolean listed, Instant setAt) implements AccountEvent {
}
