package io.podservice.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * An event with its place in its aggregate's stream: the form in which every consumer sees
 * it, and the one mapping between it and a message on {@link Topics#POD_EVENTS}.
 */
public record EventEnvelope(
        String eventId,
        String aggregateId,
        long sequence,
        Instant timestamp,
        String requestId,
        String accountId,
        String accessKeyId,
        String operation,
        ServiceEvent payload) {

    /** An envelope of an event no request caused (no request id, account, key or operation known here). */
    public EventEnvelope(String eventId, String aggregateId, long sequence, Instant timestamp, String requestId,
                         String accountId, String accessKeyId, ServiceEvent payload) {
        this(eventId, aggregateId, sequence, timestamp, requestId, accountId, accessKeyId, null, payload);
    }

    public ProducerRecord<String, byte[]> toRecord() {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.POD_EVENTS, aggregateId, EventJson.write(payload));
        Headers headers = record.headers();
        put(headers, EventHeaders.EVENT_ID, eventId);
        put(headers, EventHeaders.EVENT_TYPE, EventTypes.nameOf(payload.getClass()));
        put(headers, EventHeaders.EVENT_VERSION, Integer.toString(EventTypes.CURRENT_VERSION));
        put(headers, EventHeaders.AGGREGATE_ID, aggregateId);
        put(headers, EventHeaders.AGGREGATE_SEQUENCE, Long.toString(sequence));
        put(headers, EventHeaders.TIMESTAMP, timestamp.toString());
        putIfPresent(headers, EventHeaders.REQUEST_ID, requestId);
        putIfPresent(headers, EventHeaders.ACCOUNT_ID, accountId);
        putIfPresent(headers, EventHeaders.ACCESS_KEY_ID, accessKeyId);
        putIfPresent(headers, EventHeaders.OPERATION, operation);
        return record;
    }

    /** The envelope of a message, or empty when its type is unknown to this version (newer producers). */
    public static Optional<EventEnvelope> fromRecord(ConsumerRecord<String, byte[]> record) {
        return EventTypes.classOf(get(record.headers(), EventHeaders.EVENT_TYPE)).map(type -> new EventEnvelope(
                get(record.headers(), EventHeaders.EVENT_ID),
                record.key(),
                Long.parseLong(get(record.headers(), EventHeaders.AGGREGATE_SEQUENCE)),
                Instant.parse(get(record.headers(), EventHeaders.TIMESTAMP)),
                optional(record.headers(), EventHeaders.REQUEST_ID),
                optional(record.headers(), EventHeaders.ACCOUNT_ID),
                optional(record.headers(), EventHeaders.ACCESS_KEY_ID),
                optional(record.headers(), EventHeaders.OPERATION),
                EventJson.read(record.value(), type)));
    }

    private static void put(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static void putIfPresent(Headers headers, String name, String value) {
        if (value != null) {
            put(headers, name, value);
        }
    }

    private static String optional(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String get(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        if (header == null) {
            throw new IllegalArgumentException("event message without header " + name);
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
