package io.podservice.api.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.listener.AbstractConsumerSeekAware;

/**
 * What every subscriber of the event stream with a consumer group of its own shares: a count of
 * the messages it consumed (Micrometer {@code pod.subscriber.events{subscriber=...}}), a replay of
 * the topic from offset 0 on demand ({@link #replayFromStart}) or once at start (a rebuild after
 * emptying its tables). A subscriber must be idempotent for replays to change nothing.
 */
public abstract class EventSubscriber extends AbstractConsumerSeekAware {

    private final Counter counter;
    private final AtomicLong consumed = new AtomicLong();
    private final boolean replayOnStart;
    private final Set<TopicPartition> replayed = ConcurrentHashMap.newKeySet();

    protected EventSubscriber(String name, MeterRegistry meters, boolean replayOnStart) {
        this.replayOnStart = replayOnStart;
        this.counter = Counter.builder("pod.subscriber.events").tag("subscriber", name)
                .description("messages of pod-events the subscriber has consumed").register(meters);
    }

    /** To call once per message consumed, whatever it held. */
    protected void counted() {
        consumed.incrementAndGet();
        counter.increment();
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        super.onPartitionsAssigned(assignments, callback);
        if (replayOnStart) {
            List<TopicPartition> fresh = assignments.keySet().stream().filter(replayed::add).toList();
            if (!fresh.isEmpty()) {
                callback.seekToBeginning(fresh);
            }
        }
    }

    /** How many messages this subscriber has consumed since it started (replays included). */
    public long consumed() {
        return consumed.get();
    }

    /** Consumes the topic again from its first offset. */
    public void replayFromStart() {
        seekToBeginning();
    }
}
