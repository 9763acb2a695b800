package io.podservice.worker.disk;

import io.podservice.events.DiskCreated;
import io.podservice.events.DiskDeleted;
import io.podservice.events.SnapshotCreated;
import io.podservice.events.SnapshotDeleted;
import io.podservice.worker.WorkerProperties;
import io.podservice.worker.runtime.BackOff;
import io.podservice.worker.runtime.CommandSideClient;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The disk and snapshot events addressed to this node: a new disk is made, a new snapshot taken, and
 * each answered ({@code available}, or {@code error_create} with the reason) on the command side's
 * node-only endpoint until the answer is delivered; a deleted one is removed. They run on
 * {@value #THREADS} threads of their own: copying a large disk never holds up the node's pod tasks.
 */
@Component
public class DiskJobs implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DiskJobs.class);
    static final int THREADS = 2;

    private final NodeDisks disks;
    private final CommandSideClient commandSide;
    private final WorkerProperties properties;
    private final ExecutorService threads = Executors.newFixedThreadPool(THREADS, runnable -> {
        Thread thread = new Thread(runnable, "disk-job");
        thread.setDaemon(true);
        return thread;
    });

    DiskJobs(NodeDisks disks, CommandSideClient commandSide, WorkerProperties properties) {
        this.disks = disks;
        this.commandSide = commandSide;
        this.properties = properties;
    }

    /** The job the event asks of this node, if any; it starts when called and is done once answered. */
    public Optional<Supplier<CompletableFuture<Void>>> jobFor(Object event) {
        String me = properties.getWorkerId();
        if (event instanceof DiskCreated created && me.equals(created.nodeId())) {
            return job(() -> answer("/internal/disks/" + created.diskId(), "disk " + created.diskId(), () ->
                    disks.make(created.diskId(), created.diskType(), created.sizeGB(), created.snapshotId(),
                            created.podId() == null ? null : created.fsType())));
        }
        if (event instanceof DiskDeleted deleted && me.equals(deleted.nodeId())) {
            return job(() -> disks.remove(deleted.diskId()));
        }
        if (event instanceof SnapshotCreated created && me.equals(created.nodeId())) {
            return job(() -> answer("/internal/snapshots/" + created.snapshotId(), "snapshot " + created.snapshotId(),
                    () -> disks.snapshot(created.diskId(), created.snapshotId())));
        }
        if (event instanceof SnapshotDeleted deleted && me.equals(deleted.nodeId())) {
            return job(() -> disks.removeSnapshot(deleted.snapshotId()));
        }
        return Optional.empty();
    }

    private Optional<Supplier<CompletableFuture<Void>>> job(Runnable work) {
        return Optional.of(() -> CompletableFuture.runAsync(work, threads));
    }

    /** Does the work, then answers how it went, trying again until the answer is delivered. */
    private void answer(String path, String what, Runnable work) {
        Map<String, Object> answer;
        try {
            work.run();
            answer = Map.of("status", "available", "message", "");
        } catch (RuntimeException e) {
            log.warn("{}: not made: {}", what, e.getMessage());
            answer = Map.of("status", "error_create", "message", String.valueOf(e.getMessage()));
        }
        Map<String, Object> delivered = answer;
        BackOff.untilDelivered(log, what + " answer", () -> commandSide.post(path + "/nodes/"
                + properties.getWorkerId(), delivered, what));
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
