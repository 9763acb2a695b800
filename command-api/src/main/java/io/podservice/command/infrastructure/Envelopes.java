package io.podservice.command.infrastructure;

import io.podservice.events.EventEnvelope;
import io.podservice.events.ServiceEvent;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;

/** A stored event as it travels: Axon's message with the request's metadata, as an {@link EventEnvelope}. */
final class Envelopes {

    private Envelopes() {
    }

    static Optional<EventEnvelope> of(DomainEventMessage<?> event) {
        if (!(event.getPayload() instanceof ServiceEvent payload)) {
            return Optional.empty();
        }
        return Optional.of(new EventEnvelope(event.getIdentifier(), event.getAggregateIdentifier(),
                event.getSequenceNumber(), event.getTimestamp(),
                CommandMetadata.requestId(event.getMetaData()), CommandMetadata.accountId(event.getMetaData()),
                CommandMetadata.accessKeyId(event.getMetaData()), CommandMetadata.operation(event.getMetaData()),
                payload));
    }
}
