package io.podservice.events;

import java.time.Instant;

/**
 * The pod was not paid for within the retention after it became {@code chargeStatus} ({@code overdue}
 * or {@code arrear}) and the service releases it: a {@link PodDeleting} follows, as for deletePod
 * (its elastic IP is unbound, not released).
 */
public record PodRetired(String podId, String chargeStatus, String message, Instant retiredAt) implements PodEvent {
}
