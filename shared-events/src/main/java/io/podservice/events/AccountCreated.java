package io.podservice.events;

import java.time.Instant;

/** An operator's createAccount: a tenant account named {@code name} (unique) exists from now on. */
public record AccountCreated(String accountId, String name, Instant createdAt) implements AccountEvent {
}
