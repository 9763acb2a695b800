package io.podservice.worker.runtime.docker;

import io.podservice.worker.DaemonThreads;
import jakarta.annotation.PreDestroy;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The removal of the node's pod networks that no container uses any more, asked for by every pod
 * deletion and run once a second at most, after the deletions: each sweep lists every container
 * of the node while pods wait to join their networks, so 300 deletions ran 600 listings of 600
 * containers, one after another. Also run once at start, for networks a stopped worker left.
 */
@Component
class NetworkSweeps {

    private static final Logger log = LoggerFactory.getLogger(NetworkSweeps.class);
    private static final long DELAY_MILLIS = 1000;

    private final SubnetNetworks subnets;
    private final AccountNetworks accounts;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(
            DaemonThreads.named("network-sweep"));

    NetworkSweeps(SubnetNetworks subnets, AccountNetworks accounts) {
        this.subnets = subnets;
        this.accounts = accounts;
    }

    /** A pod left: its networks are removed soon if nothing else uses them. */
    void request() {
        if (pending.compareAndSet(false, true)) {
            sweeper.schedule(this::sweep, DELAY_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void started() {
        request();
    }

    private void sweep() {
        // a deletion from now on asks for a sweep of its own
        pending.set(false);
        try {
            subnets.removeUnused();
            subnets.syncOverlay();
            accounts.removeUnused();
        } catch (RuntimeException e) {
            log.warn("unused pod networks not removed this time: {}", DockerErrors.message(e));
        }
    }

    @PreDestroy
    void stop() {
        sweeper.shutdownNow();
    }
}
