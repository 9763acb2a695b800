package io.podservice.query.consistency;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.podservice.api.consistency.WritePositions;
import io.podservice.api.web.ApiException;
import io.podservice.api.web.ErrorStatus;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Read-your-writes for every resource: before the query side answers an account, its read models
 * have applied every event the account's own requests caused (the command side's
 * {@link WritePositions}). A describe right after a create finds the resource, and one right after
 * a delete or a modify does not show it as it was. What the workers report (a pod becoming
 * running) is not the account's write and is not waited for: the account polls for it anyway.
 *
 * <p>The wait is bounded ({@code pod.query.read-your-writes-timeout}, 5 s): past it the answer is
 * UNAVAILABLE rather than a stale read.
 */
@Component
public class ReadYourWrites {

    private final CommandSide written;
    private final AppliedPositions applied;
    private final Duration timeout;
    private final Timer waits;

    ReadYourWrites(CommandSide written, AppliedPositions applied,
                   @Value("${pod.query.read-your-writes-timeout:5s}") Duration timeout, MeterRegistry meters) {
        this.written = written;
        this.applied = applied;
        this.timeout = timeout;
        this.waits = Timer.builder("pod.query.read-your-writes.wait")
                .description("how long reads waited for the read models to reach the caller's own writes")
                .publishPercentileHistogram()
                .register(meters);
    }

    /** Returns once the read models hold the account's own writes; UNAVAILABLE if they do not within the timeout. */
    public void await(String accountId) {
        List<WritePositions.Position> behind = applied.behind(written.recent(accountId));
        if (behind.isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        long pause = Duration.ofMillis(2).toNanos();
        while (!behind.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new ApiException(ErrorStatus.UNAVAILABLE, "The read side has not caught up with this account's "
                        + "last writes within " + timeout.toMillis() + " ms (" + behind.size()
                        + " resources behind); retry shortly");
            }
            LockSupport.parkNanos(pause);
            pause = Math.min(pause * 2, Duration.ofMillis(20).toNanos());
            behind = applied.behind(behind);
        }
        waits.record(Duration.ofNanos(System.nanoTime() - start));
    }
}
