package io.podservice.worker.tasks;

import io.podservice.events.ContainerStatusReport;
import io.podservice.events.EventEnvelope;
import io.podservice.events.PodCreated;
import io.podservice.events.PodDeleting;
import io.podservice.events.PodEvent;
import io.podservice.events.PodStarting;
import io.podservice.events.PodStopping;
import io.podservice.events.PodTask;
import io.podservice.events.PodTaskResult;
import io.podservice.events.Topics;
import io.podservice.worker.WorkerProperties;
import io.podservice.worker.report.TaskResultReporter;
import io.podservice.worker.runtime.PodRuntime;
import io.podservice.worker.runtime.PodRuntime.PodRef;
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
        EventEnvelope.fromRecord(record).map(EventEnvelope::payload).ifPresent(this::run);
    }

    private void run(PodEvent event) {
        if (!(event instanceof PodTask task)) {
            return;
        }
        PodTaskResult result;
        try {
            result = succeeded(task, execute(event));
            log.info("pod {}: {} done", task.podId(), event.getClass().getSimpleName());
        } catch (PodTaskFailure failure) {
            result = new PodTaskResult(task.podId(), task.taskId(), PodTaskResult.Outcome.FAILED, failure.reason(),
                    failure.getMessage(), null, List.of(), properties.getWorkerId(), Instant.now());
            log.warn("pod {}: {} failed: {} {}", task.podId(), event.getClass().getSimpleName(), failure.reason(),
                    failure.getMessage());
        }
        reporter.report(result);
    }

    private RunningPod execute(PodEvent event) {
        if (event instanceof PodCreated created) {
            return runtime.create(new PodRef(created.podId(), created.regionId(), created.taskId()), created.definition());
        }
        if (event instanceof PodStarting starting) {
            return runtime.start(new PodRef(starting.podId(), starting.regionId(), starting.taskId()), starting.definition());
        }
        if (event instanceof PodStopping stopping) {
            List<ContainerStatusReport> statuses = runtime.stop(stopping.podId(), stopping.gracePeriodSeconds());
            return new RunningPod(null, null, statuses);
        }
        if (event instanceof PodDeleting deleting) {
            runtime.delete(deleting.podId(), deleting.gracePeriodSeconds());
            return new RunningPod(null, null, List.of());
        }
        throw new IllegalArgumentException("not a task: " + event);
    }

    private PodTaskResult succeeded(PodTask task, RunningPod pod) {
        return new PodTaskResult(task.podId(), task.taskId(), PodTaskResult.Outcome.SUCCEEDED, null, null, pod.podIp(),
                pod.containers(), properties.getWorkerId(), Instant.now());
    }
}
