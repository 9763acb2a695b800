package io.podservice.worker.supervision;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * One lock per pod: tasks, restarts, probes' actions and reconciliation never act on the same pod
 * at once (the kubelet's "one worker per pod").
 */
@Component
public class PodLocks {

    private final ConcurrentHashMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    public <T> T withLock(String podId, Supplier<T> action) {
        ReentrantLock lock = locks.computeIfAbsent(podId, id -> new ReentrantLock());
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    public void withLock(String podId, Runnable action) {
        withLock(podId, () -> {
            action.run();
            return null;
        });
    }
}
