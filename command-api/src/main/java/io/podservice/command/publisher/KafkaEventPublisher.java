package io.podservice.command.publisher;

import io.podservice.command.pod.CommandMetadata;
import io.podservice.events.EventEnvelope;
import io.podservice.events.ServiceEvent;
import io.podservice.events.Topics;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes every event of the event store to {@link Topics#POD_EVENTS}, keyed by aggregate id.
 *
 * <p>Runs in the tracking processor {@value #PROCESSING_GROUP}, whose position is a token in
 * PostgreSQL. A send is awaited before the token moves on and any failure is propagated (see
 * {@code AxonConfiguration}), so the processor retries from the last published event: delivery is
 * at-least-once and in order per aggregate, and consumers deduplicate by aggregate sequence.
 */
@Component
@ProcessingGroup(KafkaEventPublisher.PROCESSING_GROUP)
public class KafkaEventPublisher {

    public static final String PROCESSING_GROUP = "kafka-publisher";
    private static final long SEND_TIMEOUT_SECONDS = 30;

    private final KafkaTemplate<String, byte[]> kafka;

    public KafkaEventPublisher(KafkaTemplate<String, byte[]> kafka) {
        this.kafka = kafka;
    }

    @EventHandler
    public void publish(Object payload, EventMessage<?> message)
            throws ExecutionException, InterruptedException, TimeoutException {
        if (!(message instanceof DomainEventMessage<?> event) || !(payload instanceof ServiceEvent serviceEvent)) {
            return;
        }
        EventEnvelope envelope = new EventEnvelope(event.getIdentifier(), event.getAggregateIdentifier(),
                event.getSequenceNumber(), event.getTimestamp(),
                CommandMetadata.requestId(event.getMetaData()), CommandMetadata.accountId(event.getMetaData()),
                CommandMetadata.accessKeyId(event.getMetaData()), CommandMetadata.operation(event.getMetaData()),
                serviceEvent);
        kafka.send(envelope.toRecord()).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
}
