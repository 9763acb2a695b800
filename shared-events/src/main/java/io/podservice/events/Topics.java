package io.podservice.events;

/** Kafka topic names. Each is keyed by the id of what its messages are about, so they stay in order per pod or node. */
public final class Topics {

    /** Every event of the event store, published by the command side's "kafka-publisher" processor. */
    public static final String POD_EVENTS = "pod-events";

    /** What workers report back about the tasks they ran; consumed by the command side. */
    public static final String POD_TASK_RESULTS = "pod-task-results";

    /** Each node's {@link NodeHeartbeat}, keyed by node id; consumed by the command side. */
    public static final String NODE_HEARTBEATS = "pod-node-heartbeats";

    private Topics() {
    }
}
