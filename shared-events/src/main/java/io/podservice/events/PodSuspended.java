package io.podservice.events;

import java.time.Instant;

/**
 * The service stopped paying attention to the pod's wishes because nobody pays for it:
 * {@code chargeStatus} {@code overdue} (a prepaid period ended without a renewal) or {@code arrear}
 * (a postpaid pod of an account whose balance is below zero). A running pod is stopped (a
 * {@link PodStopping} follows); a stopped one stays so, and startPod refuses it until it is paid for.
 * {@code retireAt} is when it is released if it is still not paid for.
 */
public record PodSuspended(String podId, String chargeStatus, String message, Instant retireAt, Instant suspendedAt)
        implements PodEvent {
}
