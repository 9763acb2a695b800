package io.podservice.query.pods;

import io.podservice.events.EventEnvelope;
import io.podservice.events.Topics;
import io.podservice.query.ReadModel;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Feeds every read model (pods, secrets, network resources) from {@link Topics#POD_EVENTS} (consumer group {@code query-projection}). */
@Component
class PodEventConsumer {

    private final List<ReadModel> readModels;

    PodEventConsumer(List<ReadModel> readModels) {
        this.readModels = readModels;
    }

    @KafkaListener(id = "query-projection", groupId = "query-projection", topics = Topics.POD_EVENTS)
    void onEvent(ConsumerRecord<String, byte[]> record) {
        EventEnvelope.fromRecord(record).ifPresent(event -> readModels.forEach(model -> model.apply(event)));
    }
}
