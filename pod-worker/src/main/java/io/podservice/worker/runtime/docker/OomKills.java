package io.podservice.worker.runtime.docker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The OOM kills Docker announced in its event stream, by container id.
 *
 * <p>Docker's {@code State.OOMKilled} is not reliable: the daemon (20.10 and others) sets it only when
 * containerd's OOM event reaches it before the exit event, and under load the two arrive the other way
 * round, so a container killed for its memory limit shows a bare exit 137. Docker's {@code oom} event
 * arrives either way; what it announced is kept here for an hour, long enough for every status report
 * of that run, and a container's run counts as OOM-killed when an {@code oom} event came after it started.
 */
@Component
class OomKills {

    private static final Duration KEPT = Duration.ofHours(1);

    private final Map<String, Instant> lastOom = new ConcurrentHashMap<>();
    private final Clock clock;

    OomKills() {
        this(Clock.systemUTC());
    }

    OomKills(Clock clock) {
        this.clock = clock;
    }

    /** Docker said the container's cgroup ran out of memory and the kernel killed a process in it. */
    void announced(String containerId) {
        Instant now = clock.instant();
        lastOom.put(containerId, now);
        lastOom.values().removeIf(at -> at.isBefore(now.minus(KEPT)));
    }

    /** Whether Docker announced an OOM kill of the container within {@code window} before now. */
    boolean within(String containerId, Duration window) {
        Instant at = lastOom.get(containerId);
        return at != null && !at.isBefore(clock.instant().minus(window));
    }

    /** Whether Docker announced an OOM kill of the container since {@code startedAt} (its current or last run). */
    boolean since(String containerId, Instant startedAt) {
        Instant at = lastOom.get(containerId);
        return at != null && (startedAt == null || !at.isBefore(startedAt));
    }
}
