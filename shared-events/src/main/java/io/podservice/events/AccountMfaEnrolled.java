package io.podservice.events;

import java.time.Instant;

/**
 * The account has a (new) MFA device: a TOTP secret (RFC 6238, HMAC-SHA1, 6 digits, 30 s),
 * sealed with the service's master key; the plaintext left the service once, to the operator.
 */
public record AccountMfaEnrolled(String accountId, String secretCiphertext, Instant enrolledAt) implements AccountEvent {
}
