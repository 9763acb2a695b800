package io.podservice.query.pods;

import io.podservice.events.EventEnvelope;
import io.podservice.events.Topics;
import io.podservice.query.ReadModel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rebuilds the read models from the event topic, which keeps the whole history: in one transaction
 * that holds their tables, empties them and applies every event of {@code pod-events} up to the end
 * it had when the rebuild began, read by a consumer of its own from the first offset through the same
 * projections. Readers see either the old models or the rebuilt ones; the group's consumer (idempotent
 * by aggregate sequence) waits for the tables and then goes on. Run it by starting query-api (or the
 * launcher) with {@code pod.query.rebuild-on-start=true}.
 */
@Component
public class PodProjectionRebuild {

    private static final Logger log = LoggerFactory.getLogger(PodProjectionRebuild.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final JdbcTemplate jdbc;
    private final List<ReadModel> readModels;
    private final ConsumerFactory<String, byte[]> consumers;
    private final boolean onStart;

    PodProjectionRebuild(JdbcTemplate jdbc, List<ReadModel> readModels, ConsumerFactory<String, byte[]> consumers,
                         @Value("${pod.query.rebuild-on-start:false}") boolean onStart) {
        this.jdbc = jdbc;
        this.readModels = readModels;
        this.consumers = consumers;
        this.onStart = onStart;
    }

    @EventListener(ApplicationReadyEvent.class)
    void rebuildIfAsked() {
        if (onStart) {
            rebuild();
        }
    }

    /** @return how many events were replayed */
    @Transactional
    public long rebuild() {
        String tables = String.join(", ", readModels.stream().flatMap(model -> model.tables().stream()).toList());
        jdbc.execute("LOCK TABLE " + tables + " IN ACCESS EXCLUSIVE MODE");
        jdbc.execute("TRUNCATE " + tables);
        long replayed = 0;
        try (Consumer<String, byte[]> consumer = consumers.createConsumer("query-rebuild", null)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.POD_EVENTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        EventEnvelope.fromRecord(record).ifPresent(event -> readModels.forEach(m -> m.apply(event)));
                        replayed++;
                    }
                }
            }
        }
        log.info("rebuilt {} from {} events of {}", tables, replayed, Topics.POD_EVENTS);
        return replayed;
    }
}
