package io.podservice.events;

import java.time.Instant;

/** Money paid into the account's balance ({@code amount}: a decimal string to the cent, in {@code currency}). */
public record AccountToppedUp(String accountId, String amount, String currency, Instant toppedUpAt) implements AccountEvent {
}
