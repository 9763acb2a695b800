package io.podservice.events;

/** Kafka topic names. Both are keyed by pod id, so every message about one pod stays in order. */
public final class Topics {

    /** Every event of the event store, published by the command side's "kafka-publisher" processor. */
    public static final String POD_EVENTS = "pod-events";

    /** What workers report back about the tasks they ran; consumed by the command side. */
    public static final String POD_TASK_RESULTS = "pod-task-results";

    private Topics() {
    }
}
