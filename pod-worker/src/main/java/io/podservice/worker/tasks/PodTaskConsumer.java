package io.podservice.worker.tasks;

import io.podservice.events.EventEnvelope;
import io.podservice.events.PodCreated;
import io.podservice.events.PodTaskResult;
import io.podservice.events.Topics;
import io.podservice.worker.WorkerProperties;
import io.podservice.worker.report.TaskResultReporter;
import io.podservice.worker.runtime.PodRuntime;
import io.podservice.worker.runtime.PodTaskFailure;
import io.podservice.worker.runtime.RunningPod;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Runs the tasks that pod events start, one pod at a time per partition: all events of a pod share
 * a key and so a partition, which makes the tasks of one pod run in order and never race. The
 * event is acknowledged only after its result is on Kafka; a worker that dies mid-task gets the
 * event again and the runtime's idempotence makes the retry safe.
 */
@Component
class PodTaskConsumer {

    private static final Logger log = LoggerFactory.getLogger(PodTaskConsumer.class);

    private final PodRuntime runtime;
    private final TaskResultReporter reporter;
    private final WorkerProperties properties;

    PodTaskConsumer(PodRuntime runtime, TaskResultReporter reporter, WorkerProperties properties) {
        this.runtime = runtime;
        this.reporter = reporter;
        this.properties = properties;
    }

    @KafkaListener(id = "pod-worker", groupId = "pod-worker", topics = Topics.POD_EVENTS,
            concurrency = "${pod.worker.concurrency:3}")
    void onEvent(ConsumerRecord<String, byte[]> record) {
        EventEnvelope.fromRecord(record)
                .filter(envelope -> envelope.payload() instanceof PodCreated)
                .ifPresent(envelope -> create((PodCreated) envelope.payload()));
    }

    private void create(PodCreated created) {
        PodTaskResult result;
        try {
            RunningPod pod = runtime.create(created);
            result = new PodTaskResult(created.podId(), created.taskId(), PodTaskResult.Outcome.SUCCEEDED, null, null,
                    pod.podIp(), pod.containers(), properties.getWorkerId(), Instant.now());
            log.info("pod {} runs at {}", created.podId(), pod.podIp());
        } catch (PodTaskFailure failure) {
            result = new PodTaskResult(created.podId(), created.taskId(), PodTaskResult.Outcome.FAILED,
                    failure.reason(), failure.getMessage(), null, List.of(), properties.getWorkerId(), Instant.now());
            log.warn("pod {} failed: {} {}", created.podId(), failure.reason(), failure.getMessage());
        }
        reporter.report(result);
    }
}
