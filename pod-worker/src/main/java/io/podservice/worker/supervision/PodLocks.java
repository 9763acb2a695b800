package io.podservice.worker.supervision;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * One lock per pod: tasks, restarts, probes' actions and reconciliation never act on the same pod
 * at once (the kubelet's "one worker per pod"), while different pods never wait for each other. A
 * pod's lock exists only while someone holds or awaits it, so a node that has run a million pods
 * keeps no lock of theirs.
 */
@Component
public class PodLocks {

    /** A pod's lock and how many threads hold or await it (changed only inside the map's compute). */
    private static final class Entry {
        final ReentrantLock lock = new ReentrantLock();
        int users;
    }

    private final ConcurrentHashMap<String, Entry> locks = new ConcurrentHashMap<>();

    public <T> T withLock(String podId, Supplier<T> action) {
        Entry entry = locks.compute(podId, (id, current) -> {
            Entry e = current == null ? new Entry() : current;
            e.users++;
            return e;
        });
        entry.lock.lock();
        try {
            return action.get();
        } finally {
            entry.lock.unlock();
            locks.computeIfPresent(podId, (id, e) -> --e.users == 0 ? null : e);
        }
    }

    public void withLock(String podId, Runnable action) {
        withLock(podId, () -> {
            action.run();
            return null;
        });
    }

    /** How many pods have a lock now (held or awaited). */
    int size() {
        return locks.size();
    }
}
