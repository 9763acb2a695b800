package io.podservice.worker.report;

import io.podservice.api.node.NodeIdentity;
import io.podservice.events.EventJson;
import io.podservice.events.PodTaskResult;
import io.podservice.events.Topics;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/** The only way the worker reports upward: task results on {@link Topics#POD_TASK_RESULTS}, keyed by pod id. */
@Component
public class TaskResultReporter {

    private final KafkaTemplate<String, byte[]> kafka;
    private final NodeIdentity node;

    public TaskResultReporter(KafkaTemplate<String, byte[]> kafka, NodeIdentity node) {
        this.kafka = kafka;
        this.node = node;
    }

    /**
     * Returns once Kafka has the report, so the event that caused it is acknowledged only after.
     * Every report names this node and its URL: the command side records where the pod runs.
     */
    public void report(PodTaskResult result) {
        PodTaskResult signed = result.fromNode(node.nodeId(), node.nodeUrl());
        try {
            kafka.send(Topics.POD_TASK_RESULTS, result.podId(), EventJson.write(signed)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reporting " + result.podId(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot report the result of pod " + result.podId(), e);
        }
    }
}
