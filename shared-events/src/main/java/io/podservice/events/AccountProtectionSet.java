package io.podservice.events;

import java.time.Instant;

/** Operation protection on or off: when on, sensitive operations need a current MFA code. */
public record AccountProtectionSet(String accountId, boolean enabled, Instant setAt) implements AccountEvent {
}
