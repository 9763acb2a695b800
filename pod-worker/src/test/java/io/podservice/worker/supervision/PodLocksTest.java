package io.podservice.worker.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PodLocksTest {

    private final PodLocks locks = new PodLocks();
    private final ExecutorService threads = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void anotherPodDoesNotWaitWhileOneIsHeld() throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> first = threads.submit(() -> locks.withLock("pod-a", () -> {
            holding.countDown();
            await(release);
        }));
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
        Future<String> other = threads.submit(() -> locks.withLock("pod-b", () -> "done"));
        assertThat(other.get(10, TimeUnit.SECONDS)).as("pod-b ran while pod-a's lock was held").isEqualTo("done");
        release.countDown();
        first.get(10, TimeUnit.SECONDS);
    }

    @Test
    void onePodsActionsNeverOverlapAndItsLockIsGoneAfterwards() throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        Future<?>[] runs = new Future<?>[4];
        for (int t = 0; t < runs.length; t++) {
            runs[t] = threads.submit(() -> {
                for (int i = 0; i < 500; i++) {
                    locks.withLock("pod-a", () -> {
                        most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                        inside.decrementAndGet();
                    });
                }
            });
        }
        for (Future<?> run : runs) {
            run.get(30, TimeUnit.SECONDS);
        }
        assertThat(most.get()).isEqualTo(1);
        assertThat(locks.size()).as("no lock is kept for a pod nobody holds").isZero();
    }

    @Test
    void theLockIsReentrant() {
        assertThat(locks.withLock("pod-a", () -> locks.withLock("pod-a", () -> "nested"))).isEqualTo("nested");
        assertThat(locks.size()).isZero();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
