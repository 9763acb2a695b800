package io.podservice.worker.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PodWorkersTest {

    private final PodWorkers workers = new PodWorkers(8);

    @AfterEach
    void close() throws InterruptedException {
        workers.close();
    }

    @Test
    void theWorkOfOnePodRunsInOrderAndNeverOverlaps() throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger mostInside = new AtomicInteger();
        List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<Void>> done = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int piece = i;
            done.add(workers.submit("pod-a", () -> {
                mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                order.add(piece);
                Thread.yield();
                inside.decrementAndGet();
            }));
        }
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

        assertThat(mostInside.get()).isEqualTo(1);
        assertThat(order).isSortedAccordingTo(Integer::compare).hasSize(200);
    }

    @Test
    void theWorkOfDifferentPodsRunsAtOnce() throws Exception {
        // each piece waits for the three others inside the barrier: only together can they finish
        CyclicBarrier together = new CyclicBarrier(4);
        List<CompletableFuture<Void>> done = new ArrayList<>();
        for (String pod : List.of("pod-a", "pod-b", "pod-c", "pod-d")) {
            done.add(workers.submit(pod, () -> {
                try {
                    together.await(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException("pods' work did not run at once", e);
                }
            }));
        }
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        assertThat(done).allMatch(f -> !f.isCompletedExceptionally());
    }

    @Test
    void aPodWaitingForItsTurnDoesNotHoldUpOtherPods() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> slow = workers.submit("pod-a", () -> awaitQuietly(release));
        CompletableFuture<Void> behindSlow = workers.submit("pod-a", () -> { });
        CompletableFuture<Void> other = workers.submit("pod-b", () -> { });

        other.get(10, TimeUnit.SECONDS);
        assertThat(slow).isNotDone();
        assertThat(behindSlow).isNotDone();
        release.countDown();
        behindSlow.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aFailureIsReportedAndTheLaterWorkOfThePodStillRuns() throws Exception {
        CompletableFuture<Void> failed = workers.submit("pod-a", () -> {
            throw new IllegalStateException("docker said no");
        });
        AtomicInteger ran = new AtomicInteger();
        workers.submit("pod-a", ran::incrementAndGet).get(10, TimeUnit.SECONDS);

        assertThatThrownBy(() -> failed.get(1, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasRootCauseMessage("docker said no");
        assertThat(ran).hasValue(1);
    }

    @Test
    void aPodWithoutWorkIsForgotten() throws Exception {
        for (int i = 0; i < 100; i++) {
            workers.submit("pod-" + i, () -> { }).get(10, TimeUnit.SECONDS);
        }
        // the tail is dropped just after the work's own future completes
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> workers.busyPods() == 0 && workers.pending() == 0);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
