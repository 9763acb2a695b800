package io.podservice.worker.tasks;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.LongConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Which events of each partition are finished, when the pods' workers finish them out of order: an
 * offset is committed only when every event before it is finished too, so a worker that dies never
 * has committed past an event whose task result is not on Kafka. Events are started in partition
 * order (by the consumer's thread) and finished in any order (by the pods' workers).
 */
final class FinishedOffsets {

    /** One partition: the started events not finished yet, and the finished ones not committed yet. */
    private static final class Partition {
        final NavigableSet<Long> running = new TreeSet<>();
        final NavigableMap<Long, LongConsumer> finished = new TreeMap<>();
    }

    private final Map<TopicPartition, Partition> partitions = new HashMap<>();

    synchronized void started(TopicPartition partition, long offset) {
        partitions.computeIfAbsent(partition, p -> new Partition()).running.add(offset);
    }

    /**
     * The event at {@code offset} is finished; {@code commit} is called (at most once, here) with the
     * highest offset that may now be committed, when finishing this one lets the committed position move.
     */
    synchronized void finished(TopicPartition partition, long offset, LongConsumer commit) {
        Partition p = partitions.get(partition);
        if (p == null || !p.running.remove(offset)) {
            return; // the partition was taken away meanwhile: its new owner runs the event again
        }
        p.finished.put(offset, commit);
        long firstUnfinished = p.running.isEmpty() ? Long.MAX_VALUE : p.running.first();
        NavigableMap<Long, LongConsumer> committable = p.finished.headMap(firstUnfinished, false);
        if (!committable.isEmpty()) {
            Map.Entry<Long, LongConsumer> last = committable.lastEntry();
            committable.clear();
            last.getValue().accept(last.getKey());
        }
        notifyAll();
    }

    /** Events started and not finished, over every partition. */
    synchronized int running() {
        return partitions.values().stream().mapToInt(p -> p.running.size()).sum();
    }

    /**
     * Waits until the events of {@code taken} are finished (a rebalance takes those partitions away:
     * their tasks end here before another worker gets them), at most {@code timeout}; then forgets the
     * partitions. Returns whether they all finished.
     */
    synchronized boolean drain(Collection<TopicPartition> taken, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!idle(taken)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        boolean drained = idle(taken);
        taken.forEach(partitions::remove);
        return drained;
    }

    private boolean idle(Collection<TopicPartition> taken) {
        return taken.stream().map(partitions::get).allMatch(p -> p == null || p.running.isEmpty());
    }
}
