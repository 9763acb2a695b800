package io.podservice.worker.tasks;

import io.podservice.events.ContainerStatusReport;
import io.podservice.events.EventEnvelope;
import io.podservice.events.PodCreated;
import io.podservice.events.PodDefinition;
import io.podservice.events.PodDeleting;
import io.podservice.events.PodEvent;
import io.podservice.events.PodRebuilding;
import io.podservice.events.PodStarting;
import io.podservice.events.PodStopping;
import io.podservice.events.PodTask;
import io.podservice.events.PodTaskResult;
import io.podservice.events.Topics;
import io.podservice.worker.WorkerProperties;
import io.podservice.worker.reconcile.ElasticIpBindings;
import io.podservice.worker.reconcile.DesiredPods;
import io.podservice.worker.report.TaskResultReporter;
import io.podservice.worker.runtime.PodRuntime;
import io.podservice.worker.runtime.PodRuntime.PodRef;
import io.podservice.worker.runtime.PodTaskFailure;
import io.podservice.worker.runtime.RunningPod;
import io.podservice.worker.supervision.PodLocks;
import io.podservice.worker.supervision.Prober;
import io.podservice.worker.supervision.RunningPods;
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
 * event again and the runtime's idempotence makes the retry safe. Every event also updates the
 * node's desired state, which reconciliation converges to.
 */
@Component
class PodTaskConsumer {

    private static final Logger log = LoggerFactory.getLogger(PodTaskConsumer.class);

    private final PodRuntime runtime;
    private final TaskResultReporter reporter;
    private final WorkerProperties properties;
    private final DesiredPods desired;
    private final RunningPods running;
    private final Prober prober;
    private final PodLocks locks;

    private final ElasticIpBindings elasticIps;

    PodTaskConsumer(PodRuntime runtime, TaskResultReporter reporter, WorkerProperties properties, DesiredPods desired,
                    RunningPods running, Prober prober, PodLocks locks, ElasticIpBindings elasticIps) {
        this.elasticIps = elasticIps;
        this.runtime = runtime;
        this.reporter = reporter;
        this.properties = properties;
        this.desired = desired;
        this.running = running;
        this.prober = prober;
        this.locks = locks;
    }

    @KafkaListener(id = "pod-worker", groupId = "pod-worker", topics = Topics.POD_EVENTS,
            concurrency = "${pod.worker.concurrency:3}")
    void onEvent(ConsumerRecord<String, byte[]> record) {
        EventEnvelope.fromRecord(record).ifPresent(envelope -> {
            desired.apply(envelope);
            if (envelope.payload() instanceof PodEvent event && event instanceof PodTask task) {
                // reported under the pod's lock: no status report about the pod can overtake its task's result
                locks.withLock(task.podId(), () -> reporter.report(run(event, task)));
            }
            if (envelope.payload() instanceof PodEvent event && ElasticIpBindings.affects(event)) {
                elasticIps.sync();
            }
        });
    }

    private PodTaskResult run(PodEvent event, PodTask task) {
        String kind = event.getClass().getSimpleName();
        try {
            RunningPod pod = execute(event);
            log.info("pod {}: {} done", task.podId(), kind);
            return new PodTaskResult(task.podId(), task.taskId(), PodTaskResult.Outcome.SUCCEEDED, null, null, pod.podIp(),
                    pod.containers(), properties.getWorkerId(), Instant.now());
        } catch (PodTaskFailure failure) {
            running.release(task.podId());
            prober.unwatch(task.podId());
            log.warn("pod {}: {} failed: {} {}", task.podId(), kind, failure.reason(), failure.getMessage());
            return new PodTaskResult(task.podId(), task.taskId(), PodTaskResult.Outcome.FAILED, failure.reason(),
                    failure.getMessage(), null, List.of(), properties.getWorkerId(), Instant.now());
        }
    }

    private RunningPod execute(PodEvent event) {
        if (event instanceof PodCreated created) {
            PodRef pod = new PodRef(created.podId(), created.regionId(), created.accountId(), created.taskId());
            return supervise(pod, created.definition(), runtime.create(pod, created.definition()));
        }
        if (event instanceof PodStarting starting) {
            PodRef pod = new PodRef(starting.podId(), starting.regionId(), starting.accountId(), starting.taskId());
            return supervise(pod, starting.definition(), runtime.start(pod, starting.definition()));
        }
        String podId = ((PodTask) event).podId();
        // the pod is taken out of supervision first, so its containers' exits are not "crashes"
        running.release(podId);
        prober.unwatch(podId);
        if (event instanceof PodStopping stopping) {
            List<ContainerStatusReport> statuses = runtime.stop(podId, stopping.gracePeriodSeconds());
            return new RunningPod(null, null, statuses);
        }
        if (event instanceof PodDeleting deleting) {
            runtime.delete(podId, deleting.gracePeriodSeconds());
            return new RunningPod(null, null, List.of());
        }
        if (event instanceof PodRebuilding rebuilding) {
            PodRef pod = new PodRef(podId, rebuilding.regionId(), rebuilding.accountId(), rebuilding.taskId());
            return new RunningPod(null, null, runtime.rebuild(pod, rebuilding.definition()));
        }
        throw new IllegalArgumentException("not a task: " + event);
    }

    /** A pod that now runs is kept running: supervised and probed from here on. */
    private RunningPod supervise(PodRef pod, PodDefinition definition, RunningPod result) {
        prober.watch(running.track(pod.podId(), pod.regionId(), pod.taskId(), definition));
        return result;
    }
}
