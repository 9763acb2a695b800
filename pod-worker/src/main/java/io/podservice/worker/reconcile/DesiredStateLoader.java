package io.podservice.worker.reconcile;

import io.podservice.events.EventEnvelope;
import io.podservice.events.NodeRouting;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Folds the pod events of this node's partitions into {@link DesiredPods} from the beginning, once
 * per partition, before the node acts on any of their events: when a partition is assigned, up to
 * the position its task consumer resumes from. The consumer then reads every later event itself, so
 * each event is folded once and a task that arrives just after a restart finds the pod known (it
 * was skipped as another node's pod when the fold came later, at the first reconciliation).
 */
@Component
public class DesiredStateLoader {

    private static final Logger log = LoggerFactory.getLogger(DesiredStateLoader.class);

    private final DesiredPods desired;
    private final ConsumerFactory<String, byte[]> consumers;
    private final Set<TopicPartition> loaded = new HashSet<>();

    DesiredStateLoader(DesiredPods desired, ConsumerFactory<String, byte[]> consumers) {
        this.desired = desired;
        this.consumers = consumers;
    }

    /**
     * Folds the partitions not folded yet, each up to {@code upTo} (exclusive; a partition absent from
     * it: up to its end now).
     */
    public synchronized void load(Collection<TopicPartition> partitions, Map<TopicPartition, Long> upTo) {
        Set<TopicPartition> fresh = new HashSet<>(partitions);
        fresh.removeAll(loaded);
        if (fresh.isEmpty()) {
            return;
        }
        try (Consumer<String, byte[]> consumer = consumers.createConsumer("pod-worker-replay-" + UUID.randomUUID(),
                "replay")) {
            consumer.assign(fresh);
            consumer.seekToBeginning(fresh);
            Map<TopicPartition, Long> end = consumer.endOffsets(fresh);
            end.replaceAll((partition, last) -> Math.min(last, upTo.getOrDefault(partition, last)));
            int records = 0;
            while (fresh.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))
                            && desired.isFor(NodeRouting.of(record))) {
                        EventEnvelope.fromRecord(record).ifPresent(desired::apply);
                        records++;
                    }
                }
            }
            loaded.addAll(fresh);
            log.info("folded {} events of this node's pods in partitions {} into the desired state", records,
                    List.copyOf(fresh));
        }
    }
}
