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
    /** The account on whose behalf the event happened (its signed request, or the pod's owner). */
    public static final String ACCOUNT_ID = "account-id";
    /** The access key that signed the request that caused the event. */
    public static final String ACCESS_KEY_ID = "access-key-id";
    /** The API operation (createPods, stopPod, ...) whose request caused the event; absent for events a worker's report caused. */
    public static final String OPERATION = "operation";

    private EventHeaders() {
    }
}
