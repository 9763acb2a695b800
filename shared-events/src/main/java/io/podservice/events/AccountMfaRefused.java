package io.podservice.events;

import java.time.Instant;

/**
 * A protected operation was refused for want of a valid MFA code ({@code reason}: {@code missing},
 * {@code invalid} or {@code reused}); the code itself is never recorded.
 */
public record AccountMfaRefused(String accountId, String operation, String resourceId, String reason,
                                Instant refusedAt) implements AccountEvent {
}
