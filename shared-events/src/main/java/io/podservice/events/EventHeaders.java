package io.podservice.events;

/** Header names of every message on {@link Topics#POD_EVENTS}. Values are UTF-8 strings. */
public final class EventHeaders {

    public static final String EVENT_ID = "event-id";
    public static final String EVENT_TYPE = "event-type";
    public static final String EVENT_VERSION = "event-version";
    public static final String AGGREGATE_ID = "aggregate-id";
    public static final String AGGREGATE_SEQUENCE = "aggregate-sequence";
    public static final String REQUEST_ID = "request-id";
    public static final String TIMESTAMP = "event-timestamp";

    private EventHeaders() {
    }
}
