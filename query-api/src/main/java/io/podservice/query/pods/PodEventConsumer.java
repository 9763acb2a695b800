package io.podservice.query.pods;

import io.podservice.events.EventEnvelope;
import io.podservice.events.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.podservice.query.ReadModel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Feeds every read model (pods, secrets, network resources, and the applied positions of
 * read-your-writes) from {@link Topics#POD_EVENTS} (consumer group {@code query-projection}), one
 * event in one transaction, so no read sees an event half applied.
 */
@Component
class PodEventConsumer {

    private final List<ReadModel> readModels;
    private final TransactionTemplate transaction;
    private final Timer lag;

    PodEventConsumer(List<ReadModel> readModels, PlatformTransactionManager transactions, MeterRegistry meters) {
        this.readModels = readModels;
        this.transaction = new TransactionTemplate(transactions);
        this.lag = Timer.builder("pod.projection.lag")
                .description("from an event's append to the event store to its application by the read models")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(60))
                .register(meters);
    }

    @KafkaListener(id = "query-projection", groupId = "query-projection", topics = Topics.POD_EVENTS)
    void onEvent(ConsumerRecord<String, byte[]> record) {
        EventEnvelope.fromRecord(record).ifPresent(event -> {
            transaction.executeWithoutResult(status -> readModels.forEach(model -> model.apply(event)));
            lag.record(Duration.between(event.timestamp(), Instant.now()));
        });
    }
}
