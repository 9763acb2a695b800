package io.podservice.worker.tasks;

import io.podservice.worker.DaemonThreads;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One worker per pod, as the kubelet has: the work handed in for one pod runs in the order it was
 * handed in, one piece at a time; the work of different pods runs in parallel on a bounded pool of
 * threads. A pod's queue is only the tail of a chain of futures, kept while it has work: a node
 * that has run a million pods keeps nothing of them here.
 */
final class PodWorkers implements AutoCloseable {

    private final ExecutorService pool;
    private final Map<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();
    private final AtomicInteger pending = new AtomicInteger();

    PodWorkers(int threads) {
        this.pool = Executors.newFixedThreadPool(threads, DaemonThreads.numbered("pod-worker-"));
    }

    /**
     * Queues {@code work} behind the pod's earlier work. The returned future completes when it has
     * run (exceptionally if it threw); a failure does not stop the pod's later work.
     */
    CompletableFuture<Void> submit(String podId, Runnable work) {
        pending.incrementAndGet();
        CompletableFuture<Void> done = new CompletableFuture<>();
        CompletableFuture<Void> tail = tails.compute(podId, (id, previous) -> {
            CompletableFuture<Void> before = previous == null ? CompletableFuture.completedFuture(null) : previous;
            // the chain goes on whether the earlier work succeeded or not
            return before.handle((ignored, failure) -> null)
                    .thenRunAsync(() -> runInto(work, done), pool)
                    .handle((ignored, failure) -> null);
        });
        tail.whenComplete((ignored, failure) -> {
            // the last piece of the pod's work forgets the pod; a later one has replaced the tail already
            tails.remove(podId, tail);
            pending.decrementAndGet();
        });
        return done;
    }

    private static void runInto(Runnable work, CompletableFuture<Void> done) {
        try {
            work.run();
            done.complete(null);
        } catch (Throwable failure) {
            done.completeExceptionally(failure);
        }
    }

    /** Pieces of work queued or running, over all pods. */
    int pending() {
        return pending.get();
    }

    /** Pods that have work queued or running. */
    int busyPods() {
        return tails.size();
    }

    @Override
    public void close() throws InterruptedException {
        pool.shutdown();
        if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }
    }
}
