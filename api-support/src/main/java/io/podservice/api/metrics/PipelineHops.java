package io.podservice.api.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latency of each hop a pod's request travels (command, event store, Kafka, node, Docker, and
 * back), as one histogram per hop: {@value #METRIC}{@code {hop=...}} in Prometheus. Each application
 * records the hops it ends; the load benchmark prints them side by side, so a slow stage is seen
 * where it is rather than guessed from the end-to-end time.
 */
public final class PipelineHops {

    public static final String METRIC = "pod.pipeline.hop";

    /** From an event's append to the event store to Kafka's acknowledgement of it (command side). */
    public static final String PUBLISH = "publish";
    /** From an event on Kafka to a node's consumer (the record's timestamp to its delivery). */
    public static final String TO_NODE = "to-node";
    /** From a node's consumer to the pod's worker starting the task (queued behind the pod's earlier work). */
    public static final String NODE_QUEUE = "node-queue";
    /** The task on the node: Docker's work, until its result is on Kafka. */
    public static final String NODE_TASK = "node-task";
    /** From a task's result on Kafka to its event in the event store (command side). */
    public static final String RESULT = "result";

    private final MeterRegistry meters;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public PipelineHops(MeterRegistry meters) {
        this.meters = meters;
    }

    public void record(String hop, Duration took) {
        timers.computeIfAbsent(hop, name -> Timer.builder(METRIC)
                .description("latency of one hop of the pod pipeline")
                .tag("hop", name)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(60))
                .register(meters)).record(took.isNegative() ? Duration.ZERO : took);
    }

    public void since(String hop, Instant start) {
        record(hop, Duration.between(start, Instant.now()));
    }

    public void sinceEpochMillis(String hop, long startMillis) {
        since(hop, Instant.ofEpochMilli(startMillis));
    }
}
