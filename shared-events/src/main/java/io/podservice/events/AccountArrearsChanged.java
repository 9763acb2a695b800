package io.podservice.events;

import java.time.Instant;

/**
 * The account's balance went below zero ({@code inArrear} true: its postpaid pods are in arrear and
 * do not start) or back to zero or more by a top-up (false: normal again). {@code balance} is the
 * balance then, a decimal string to the cent.
 */
public record AccountArrearsChanged(String accountId, boolean inArrear, String balance, Instant changedAt)
        implements AccountEvent {
}
