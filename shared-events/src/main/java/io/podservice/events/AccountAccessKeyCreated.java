package io.podservice.events;

import java.time.Instant;

/**
 * An operator's createAccessKey: the account has a new access key {@code accessKeyId}. Its secret is
 * never in an event: it is shown once to the operator and kept only encrypted with the master key.
 */
public record AccountAccessKeyCreated(String accountId, String accessKeyId, Instant createdAt) implements AccountEvent {
}
