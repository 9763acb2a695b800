package io.podservice.query;

import io.podservice.events.EventEnvelope;
import java.util.List;

/**
 * A projection of the event stream into tables: fed from Kafka by the consumer group
 * {@code query-projection}, and rebuilt by replaying the event store into emptied tables.
 * {@link #apply} must skip what it has applied already (events can come twice).
 */
public interface ReadModel {

    void apply(EventEnvelope event);

    /** The tables it alone writes, emptied before a rebuild. */
    List<String> tables();
}
