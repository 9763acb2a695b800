package io.podservice.worker.tasks;

import io.podservice.api.metrics.PipelineHops;
import io.podservice.events.ContainerStatusReport;
import io.podservice.events.EventEnvelope;
import io.podservice.events.PodCreated;
import io.podservice.events.PodDefinition;
import io.podservice.events.PodDeleting;
import io.podservice.events.PodEvent;
import io.podservice.events.ImageCacheCreated;
import io.podservice.events.PodRebuilding;
import io.podservice.events.PodScheduled;
import io.podservice.events.NodeRouting;
import io.podservice.events.PodStarting;
import io.podservice.events.PodStopping;
import io.podservice.events.PodTask;
import io.podservice.events.PodTaskResult;
import io.podservice.events.Topics;
import io.podservice.worker.WorkerProperties;
import io.podservice.worker.reconcile.ElasticIpBindings;
import io.podservice.worker.reconcile.DesiredPods;
import io.podservice.worker.reconcile.Reconciler;
import io.podservice.worker.report.TaskResultReporter;
import io.podservice.worker.runtime.BackOff;
import io.podservice.worker.runtime.PodRuntime;
import io.podservice.worker.runtime.PodRuntime.PodRef;
import io.podservice.worker.runtime.PodTaskFailure;
import io.podservice.worker.runtime.RunningPod;
import io.podservice.worker.supervision.PodLocks;
import io.podservice.worker.supervision.Prober;
import io.podservice.worker.supervision.RunningPods;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * Hands each event of a pod placed on this node to its pod's worker ({@link PodWorkers}); events
 * addressed to other nodes ({@link NodeRouting}) are passed over. The tasks of one pod run in the
 * order of its events and never overlap, the tasks of different pods run in parallel. An event is
 * acknowledged only when its task's result is on Kafka and every earlier event of its partition is
 * done too ({@link FinishedOffsets}); a worker that dies mid-task gets the event again and the
 * runtime's idempotence makes the retry safe. Every event first updates the node's desired state,
 * in partition order, which reconciliation converges to.
 */
@Component
class PodTaskConsumer {

    private static final Logger log = LoggerFactory.getLogger(PodTaskConsumer.class);
    /** Attempts of a task that fails for a reason other than the pod's own (Docker unreachable, say). */
    private static final int ATTEMPTS = 5;

    private final PodRuntime runtime;
    private final TaskResultReporter reporter;
    private final WorkerProperties properties;
    private final DesiredPods desired;
    private final RunningPods running;
    private final Prober prober;
    private final PodLocks locks;
    private final ElasticIpBindings elasticIps;
    private final PodWorkers workers;
    private final FinishedOffsets offsets;
    private final Semaphore inFlight;
    private final PipelineHops hops;
    private final Reconciler reconciler;
    private final io.podservice.worker.cache.NodeImageCaches imageCaches;
    private final io.podservice.worker.disk.DiskJobs diskJobs;

    PodTaskConsumer(PodRuntime runtime, TaskResultReporter reporter, WorkerProperties properties, DesiredPods desired,
                    RunningPods running, Prober prober, PodLocks locks, ElasticIpBindings elasticIps,
                    PodWorkers workers, FinishedOffsets offsets, PipelineHops hops, Reconciler reconciler,
                    io.podservice.worker.cache.NodeImageCaches imageCaches, io.podservice.worker.disk.DiskJobs diskJobs) {
        this.imageCaches = imageCaches;
        this.diskJobs = diskJobs;
        this.hops = hops;
        this.reconciler = reconciler;
        this.elasticIps = elasticIps;
        this.runtime = runtime;
        this.reporter = reporter;
        this.properties = properties;
        this.desired = desired;
        this.running = running;
        this.prober = prober;
        this.locks = locks;
        this.workers = workers;
        this.offsets = offsets;
        this.inFlight = new Semaphore(properties.getMaxEventsInFlight());
    }

    static final String GROUP = "pod-worker";

    /** The node's consumer group: its position in the pod events is its own. */
    static String groupOf(String nodeId) {
        return GROUP + "-" + nodeId;
    }

    @KafkaListener(id = GROUP, idIsGroup = false, topics = Topics.POD_EVENTS,
            containerFactory = PodTaskListenerConfiguration.FACTORY)
    void onEvent(ConsumerRecord<String, byte[]> record, Acknowledgment acknowledgment) throws InterruptedException {
        hops.sinceEpochMillis(PipelineHops.TO_NODE, record.timestamp());
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        offsets.started(partition, record.offset());
        // another node's pod: passed over by its header, without reading the event
        Optional<Object> payload = !desired.isFor(NodeRouting.of(record)) ? Optional.empty()
                : EventEnvelope.fromRecord(record).map(envelope -> {
                    desired.apply(envelope);
                    return envelope.payload();
                });
        Optional<PodEvent> event = payload.filter(p -> p instanceof PodEvent e && concernsThisNode(e)).map(PodEvent.class::cast);
        // the node's own jobs: an image cache's pull, a disk's or a snapshot's making and removal
        Optional<java.util.function.Supplier<CompletableFuture<Void>>> job = payload.flatMap(p ->
                p instanceof ImageCacheCreated c && imageCaches.asked(c)
                        ? Optional.of(() -> imageCaches.hold(c)) : diskJobs.jobFor(p));
        if (event.isEmpty() && job.isEmpty()) {
            offsets.finished(partition, record.offset(), committable -> acknowledgment.acknowledge());
            return;
        }
        // back-pressure: the consumer stops reading while the node has this many events in hand
        inFlight.acquire();
        Instant handedOver = Instant.now();
        // a node job on its own threads; a pod's task on its pod's worker
        (job.isPresent() ? job.get().get() : workers.submit(record.key(), () -> {
            hops.since(PipelineHops.NODE_QUEUE, handedOver);
            Instant start = Instant.now();
            handle(event.get());
            if (event.get() instanceof PodTask) {
                hops.since(PipelineHops.NODE_TASK, start);
            }
        })).whenComplete((done, failure) -> {
            inFlight.release();
            if (failure != null) {
                // not finished: its offset is never committed, and the next owner of the partition runs it again
                log.error("pod {}: event at {}@{} not handled: {}", record.key(), partition, record.offset(), failure.toString());
                return;
            }
            offsets.finished(partition, record.offset(), committable -> acknowledgment.acknowledge());
        });
    }

    /**
     * Whether the node has work to do for the event: a task of a pod of its own (a pod from before
     * placements may be another node's), the pod moved here or away, or its elastic IPs.
     */
    private boolean concernsThisNode(PodEvent event) {
        if (event instanceof PodScheduled scheduled) {
            return scheduled.taskId() != null || scheduled.previousNodeId() != null;
        }
        return desired.holds(event.podId()) && (event instanceof PodTask || ElasticIpBindings.affects(event));
    }

    /** A pod moved here off a lost node: its creation on this node is the placement's task. */
    private record Relocation(String podId, String taskId) implements PodTask {
    }

    /** On the pod's own worker: runs the event's task and reports its result, then syncs the elastic IPs. */
    private void handle(PodEvent event) {
        if (event instanceof PodScheduled moved && !properties.getWorkerId().equals(moved.nodeId())) {
            // placed on another node: what this node has of the pod goes (nothing to report, the node is not the pod's)
            reconciler.ensureGone(moved.podId());
            log.info("pod {}: placed on node {}; removed from this node", moved.podId(), moved.nodeId());
        } else if (event instanceof PodTask || event instanceof PodScheduled here && here.taskId() != null) {
            PodTask task = event instanceof PodScheduled relocated ? new Relocation(relocated.podId(), relocated.taskId())
                    : (PodTask) event;
            // reported under the pod's lock: no status report about the pod can overtake its task's result
            locks.withLock(task.podId(), () -> reportUntilDelivered(attempt(event, task)));
        }
        if (ElasticIpBindings.affects(event)) {
            elasticIps.sync();
        }
    }

    /** The task, tried again a few times when it fails for a reason that is not the pod's (the runtime throwing). */
    private PodTaskResult attempt(PodEvent event, PodTask task) {
        for (int attempt = 1; ; attempt++) {
            try {
                return run(event, task);
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS) {
                    log.warn("pod {}: {} failed {} times, the last: {}", task.podId(), event.getClass().getSimpleName(),
                            attempt, e.toString());
                    running.release(task.podId());
                    prober.unwatch(task.podId());
                    return new PodTaskResult(task.podId(), task.taskId(), PodTaskResult.Outcome.FAILED, "RuntimeError",
                            "the node could not complete the task: " + e.getMessage(), null, List.of(),
                            properties.getWorkerId(), Instant.now());
                }
                BackOff.pause(attempt);
            }
        }
    }

    /**
     * A result is never dropped: Kafka unreachable holds the pod's worker, its lock (so nothing else
     * reports about the pod meanwhile) and the partition's commits until it is back.
     */
    private void reportUntilDelivered(PodTaskResult result) {
        BackOff.untilDelivered(log, "pod " + result.podId() + " task result", () -> reporter.report(result));
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
        if (event instanceof PodScheduled moved) {
            DesiredPods.Desired pod = desired.get(moved.podId())
                    .orElseThrow(() -> new IllegalStateException("pod " + moved.podId() + " placed here is not known"));
            PodRef ref = new PodRef(moved.podId(), pod.regionId(), pod.accountId(), moved.taskId());
            return supervise(ref, pod.definition(), runtime.create(ref, pod.definition()));
        }
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
