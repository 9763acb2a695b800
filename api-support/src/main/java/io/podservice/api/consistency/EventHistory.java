package io.podservice.api.consistency;

import io.podservice.events.EventEnvelope;
import java.util.List;

/**
 * An aggregate's events as the command side stored them, for a read model that finds a gap in what
 * Kafka delivered (which the ordered publisher should never leave, but a read model must not build a
 * row from a partial history). The command side answers from its event store's API, in-process or
 * over its internal endpoint.
 */
public interface EventHistory {

    /** The aggregate's events after {@code sequence}, in order (its whole history for -1). */
    List<EventEnvelope> after(String aggregateId, long sequence);
}
