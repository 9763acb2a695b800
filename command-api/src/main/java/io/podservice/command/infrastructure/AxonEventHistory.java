package io.podservice.command.infrastructure;

import io.podservice.api.consistency.EventHistory;
import io.podservice.events.EventEnvelope;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/** {@link EventHistory} from Axon's event store, through its API. */
@Component
public class AxonEventHistory implements EventHistory {

    private final EventStore events;

    AxonEventHistory(EventStore events) {
        this.events = events;
    }

    @Override
    public List<EventEnvelope> after(String aggregateId, long sequence) {
        return events.readEvents(aggregateId, sequence + 1).asStream().map(Envelopes::of).flatMap(Optional::stream)
                .toList();
    }
}
