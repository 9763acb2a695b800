package io.podservice.worker.reconcile;

import io.podservice.events.ContainerStatusReport;
import io.podservice.worker.runtime.PodRuntime;
import io.podservice.worker.runtime.PodRuntime.PodRef;
import io.podservice.worker.supervision.ContainerSupervisor;
import io.podservice.worker.supervision.PodLocks;
import io.podservice.worker.supervision.PodStatusReporter;
import io.podservice.worker.supervision.Prober;
import io.podservice.worker.supervision.RunningPods;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Level-triggered convergence, on start and every {@code pod.worker.reconcile-interval}: for the
 * pods placed on this node and the pods Docker has of it, compares what should be ({@link DesiredPods}) with what
 * Docker has, and converges: starts what should run and does not (after a worker or daemon
 * restart), adopts running pods it does not supervise yet, stops what should be stopped, and
 * removes containers and pods that should be gone (deleted, or placed on another node: a node that
 * comes back after it was lost removes the pods moved away from it). Pods with a task in flight are left to the
 * task, which Kafka redelivers until its result is reported.
 */
@Component
public class Reconciler {

    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);
    static final String LISTENER_ID = "pod-worker";

    private final DesiredPods desired;
    private final PodRuntime runtime;
    private final RunningPods running;
    private final ContainerSupervisor supervisor;
    private final Prober prober;
    private final PodStatusReporter reporter;
    private final ElasticIpBindings elasticIps;
    private final io.podservice.worker.network.PodFirewall firewall;
    private final PodLocks locks;
    private final KafkaListenerEndpointRegistry listeners;
    private final DesiredStateLoader loader;

    Reconciler(DesiredPods desired, PodRuntime runtime, RunningPods running, ContainerSupervisor supervisor, Prober prober,
               PodStatusReporter reporter, PodLocks locks, KafkaListenerEndpointRegistry listeners, ElasticIpBindings elasticIps,
               io.podservice.worker.network.PodFirewall firewall,
               DesiredStateLoader loader) {
        this.desired = desired;
        this.runtime = runtime;
        this.running = running;
        this.supervisor = supervisor;
        this.prober = prober;
        this.reporter = reporter;
        this.locks = locks;
        this.listeners = listeners;
        this.loader = loader;
        this.elasticIps = elasticIps;
        this.firewall = firewall;
    }

    @Scheduled(initialDelayString = "PT3S", fixedDelayString = "${pod.worker.reconcile-interval:PT30S}")
    public synchronized void reconcile() {
        Set<TopicPartition> owned = owned();
        if (owned.isEmpty()) {
            return;
        }
        // folded when assigned; a partition whose fold failed there is folded now, up to its end
        loader.load(owned, Map.of());
        Set<String> podIds = new HashSet<>(desired.snapshot().keySet());
        podIds.addAll(runtime.podsOnNode());
        for (String podId : podIds) {
            try {
                // decided under the pod's lock on the desired state as it is now, not as the pass began:
                // a task consumed meanwhile has already changed it, and is not undone here
                locks.withLock(podId, () -> converge(podId));
            } catch (RuntimeException e) {
                log.warn("reconciling pod {} failed: {}", podId, e.toString());
            }
        }
        // the elastic IP translations of the pods this worker runs: put back if lost, removed if stale
        elasticIps.sync();
        // and the node's guard against its pods, put back if an operator or a reboot flushed it
        firewall.ensure();
    }

    private void converge(String podId) {
        DesiredPods.Desired pod = desired.get(podId).orElse(null);
        if (pod == null) {
            if (runtime.podsOnNode().contains(podId)) {
                log.info("removing pod {}: its containers belong to no pod placed on this node", podId);
                ensureGone(podId);
            }
            return;
        }
        switch (pod.intent()) {
            case RUN -> ensureRunning(pod);
            case STOP -> ensureStopped(pod);
            case GONE -> ensureGone(podId);
            case BUSY -> { }
        }
    }

    private void ensureRunning(DesiredPods.Desired pod) {
        locks.withLock(pod.podId(), () -> {
            RunningPods.Pod tracked = running.get(pod.podId()).orElse(null);
            boolean supervised = tracked != null && tracked.taskId().equals(pod.runTaskId());
            List<ContainerStatusReport> statuses = runtime.inspect(pod.podId(), pod.definition());
            boolean complete = statuses.size() == pod.definition().containers().size() && runtime.infraRunning(pod.podId());
            if (!complete) {
                log.info("pod {} should run but is incomplete on this node; starting it", pod.podId());
                running.release(pod.podId());
                runtime.start(new PodRef(pod.podId(), pod.regionId(), pod.accountId(), pod.runTaskId()), pod.definition());
            }
            if (!complete || !supervised) {
                RunningPods.Pod adopted = running.track(pod.podId(), pod.regionId(), pod.runTaskId(), pod.definition());
                prober.watch(adopted);
                reporter.report(adopted);
            }
        });
        running.get(pod.podId()).ifPresent(tracked -> runtime.inspect(pod.podId(), pod.definition()).stream()
                .filter(status -> !"running".equals(status.state()))
                .forEach(status -> supervisor.exited(pod.podId(), status.name())));
    }

    private void ensureStopped(DesiredPods.Desired pod) {
        locks.withLock(pod.podId(), () -> {
            running.release(pod.podId());
            prober.unwatch(pod.podId());
            if (runtime.infraRunning(pod.podId()) || runtime.inspect(pod.podId(), pod.definition()).stream()
                    .anyMatch(s -> "running".equals(s.state()))) {
                log.info("pod {} should be stopped; stopping its containers", pod.podId());
                Integer grace = pod.definition().terminationGracePeriodSeconds();
                runtime.stop(pod.podId(), grace == null ? 30 : grace);
            }
        });
    }

    /** Takes the pod out of supervision and removes what this node has of it (deleted, or placed elsewhere). */
    public void ensureGone(String podId) {
        locks.withLock(podId, () -> {
            running.release(podId);
            prober.unwatch(podId);
            runtime.delete(podId, 0);
        });
    }

    private Set<TopicPartition> owned() {
        MessageListenerContainer container = listeners.getListenerContainer(LISTENER_ID);
        if (container == null || container.getAssignedPartitions() == null) {
            return Set.of();
        }
        return new HashSet<>(container.getAssignedPartitions());
    }
}
