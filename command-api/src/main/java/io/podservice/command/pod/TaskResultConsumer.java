package io.podservice.command.pod;

import io.podservice.api.metrics.PipelineHops;
import io.podservice.events.EventJson;
import io.podservice.events.PodTaskResult;
import io.podservice.events.Topics;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Turns workers' reports on {@link Topics#POD_TASK_RESULTS} into commands on the Pod aggregate,
 * which decides whether a report still matters. A worker never writes the event store itself.
 */
@Component
class TaskResultConsumer {

    private static final Logger log = LoggerFactory.getLogger(TaskResultConsumer.class);

    private final CommandGateway commands;
    private final PipelineHops hops;

    TaskResultConsumer(CommandGateway commands, PipelineHops hops) {
        this.commands = commands;
        this.hops = hops;
    }

    /** Results of different pods are recorded in parallel, a partition per thread (a pod's results share a partition). */
    @KafkaListener(id = "command-api-task-results", groupId = "command-api", topics = Topics.POD_TASK_RESULTS,
            concurrency = "${pod.command.task-result-concurrency:3}")
    void onResult(ConsumerRecord<String, byte[]> record) {
        PodTaskResult result = EventJson.read(record.value(), PodTaskResult.class);
        try {
            Boolean recorded = commands.sendAndWait(new RecordTaskResult(result.podId(), result), 30, TimeUnit.SECONDS);
            hops.sinceEpochMillis(PipelineHops.RESULT, record.timestamp());
            if (!Boolean.TRUE.equals(recorded)) {
                log.info("ignored a stale result for pod {} task {}", result.podId(), result.taskId());
            }
        } catch (AggregateNotFoundException e) {
            log.warn("ignored a result for unknown pod {}", result.podId());
        }
    }
}
