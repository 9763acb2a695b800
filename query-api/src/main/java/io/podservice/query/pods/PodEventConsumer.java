package io.podservice.query.pods;

import io.podservice.events.EventEnvelope;
import io.podservice.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Feeds the describePods and describeSecrets projections from {@link Topics#POD_EVENTS} (consumer group {@code query-projection}). */
@Component
class PodEventConsumer {

    private final PodProjection projection;
    private final io.podservice.query.secrets.SecretProjection secrets;

    PodEventConsumer(PodProjection projection, io.podservice.query.secrets.SecretProjection secrets) {
        this.projection = projection;
        this.secrets = secrets;
    }

    @KafkaListener(id = "query-projection", groupId = "query-projection", topics = Topics.POD_EVENTS)
    void onEvent(ConsumerRecord<String, byte[]> record) {
        EventEnvelope.fromRecord(record).ifPresent(event -> {
            projection.apply(event);
            secrets.apply(event);
        });
    }
}
