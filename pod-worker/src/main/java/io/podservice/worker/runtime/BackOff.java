package io.podservice.worker.runtime;

import org.slf4j.Logger;

/**
 * The node's one back-off between attempts that must not give up: 1 s, 2 s, 4 s ... up to 30 s.
 * Task results and image cache answers are delivered by it, and a task that the runtime failed is
 * tried again after it.
 */
public final class BackOff {

    private BackOff() {
    }

    /**
     * Runs {@code delivery} until it returns without an {@link IllegalStateException} (the clients'
     * way of saying the other side is unreachable or refused), logging each failed attempt as
     * "{what}: delivery failed".
     */
    public static void untilDelivered(Logger log, String what, Runnable delivery) {
        for (int attempt = 1; ; attempt++) {
            try {
                delivery.run();
                return;
            } catch (IllegalStateException e) {
                log.warn("{}: delivery failed (attempt {}): {}", what, attempt, e.getMessage());
                pause(attempt);
            }
        }
    }

    /** Waits before attempt {@code attempt + 1}. */
    public static void pause(int attempt) {
        try {
            Thread.sleep(Math.min(30_000L, 500L << Math.min(attempt, 6)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while backing off", e);
        }
    }
}
