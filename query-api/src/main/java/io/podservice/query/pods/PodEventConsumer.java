package io.podservice.query.pods;

import io.podservice.events.EventEnvelope;
import io.podservice.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Feeds the describePods projection from {@link Topics#POD_EVENTS} (consumer group {@code query-projection}). */
@Component
class PodEventConsumer {

    private final PodProjection projection;

    PodEventConsumer(PodProjection projection) {
        this.projection = projection;
    }

    @KafkaListener(id = "query-projection", groupId = "query-projection", topics = Topics.POD_EVENTS)
    void onEvent(ConsumerRecord<String, byte[]> record) {
        EventEnvelope.fromRecord(record).ifPresent(projection::apply);
    }
}
