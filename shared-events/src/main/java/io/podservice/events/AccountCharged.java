package io.podservice.events;

import java.time.Instant;

/**
 * Money taken from the account's balance for a resource ({@code amount}: a decimal string to the
 * cent, in {@code currency}): for a prepaid pod ({@code chargeMode} prepaid_by_duration), the
 * period from {@code periodStart} to {@code periodEnd} paid ahead at its creation or renewal, and
 * {@code autoRenewMonths}, the months each automatic renewal pays ahead (null: not renewed); for a
 * postpaid one, the hours (or running seconds) of the period. The balance is the sum of the top-ups
 * less the sum of the charges.
 */
public record AccountCharged(String accountId, String resourceId, String chargeMode, String amount, String currency,
                             Instant periodStart, Instant periodEnd, Instant chargedAt, Integer autoRenewMonths)
        implements AccountEvent {
}
