package io.podservice.worker.node;

import io.podservice.worker.DaemonThreads;
import io.podservice.api.node.NodeIdentity;
import io.podservice.events.EventJson;
import io.podservice.events.NodeHeartbeat;
import io.podservice.events.Topics;
import io.podservice.worker.WorkerProperties;
import io.podservice.worker.runtime.PodRuntime;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import jakarta.annotation.PreDestroy;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The node tells the service it is alive, and what it offers pods, every
 * {@code pod.worker.heartbeat-interval}: a {@link NodeHeartbeat} on {@link Topics#NODE_HEARTBEATS}.
 * The command side registers the node from the first one and declares it lost when they stop. They
 * beat on a thread of their own, so a long reconciliation on the shared scheduler never silences them.
 */
@Component
class NodeHeartbeats {

    private static final Logger log = LoggerFactory.getLogger(NodeHeartbeats.class);

    private final KafkaTemplate<String, byte[]> kafka;
    private final NodeIdentity node;
    private final WorkerProperties properties;
    private final PodRuntime runtime;
    private final Clock clock = Clock.systemUTC();
    private volatile boolean failing;
    private volatile int lastPodCount;
    private final ScheduledExecutorService beating = Executors.newSingleThreadScheduledExecutor(
            DaemonThreads.named("node-heartbeat"));

    NodeHeartbeats(KafkaTemplate<String, byte[]> kafka, NodeIdentity node, WorkerProperties properties,
                   PodRuntime runtime) {
        this.kafka = kafka;
        this.node = node;
        this.properties = properties;
        this.runtime = runtime;
    }

    /** From the start of the web server on (the node's URL needs its port), before anything else waits for it. */
    @EventListener(ApplicationReadyEvent.class)
    @org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
    void start() {
        long interval = properties.getHeartbeatInterval().toMillis();
        beating.scheduleWithFixedDelay(this::beat, 0, interval, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        beating.shutdownNow();
    }

    void beat() {
        if (node.nodeUrl() == null) {
            return; // the web server has no port yet: the node is not reachable, so not ready
        }
        try {
            NodeHeartbeat heartbeat = heartbeat();
            kafka.send(Topics.NODE_HEARTBEATS, heartbeat.nodeId(), EventJson.write(heartbeat)).whenComplete((sent, error) -> {
                if (error != null && !failing) {
                    log.warn("node {}: heartbeat not sent: {}", heartbeat.nodeId(), error.getMessage());
                }
                failing = error != null;
            });
        } catch (RuntimeException e) {
            // Docker or Kafka unreachable: the service will declare the node lost if this lasts
            if (!failing) {
                log.warn("node {}: no heartbeat: {}", node.nodeId(), e.getMessage());
            }
            failing = true;
        }
    }

    NodeHeartbeat heartbeat() {
        PodRuntime.MachineResources machine = runtime.machine();
        double cpu = properties.getAllocatableCpu() > 0 ? properties.getAllocatableCpu() : machine.cpus();
        long memory = properties.getAllocatableMemoryMb() > 0 ? properties.getAllocatableMemoryMb()
                : Math.max(0, machine.memoryMB() - properties.getReservedMemoryMb());
        // what the scheduler may place here: the node's resources times their allocation ratios
        return new NodeHeartbeat(node.nodeId(), node.nodeUrl(), properties.getAvailabilityZone(),
                cpu * properties.getCpuAllocationRatio(), (long) (memory * properties.getMemoryAllocationRatio()),
                properties.getMaxPods(), properties.getNodeLabels(), podsOnNode(), clock.instant(),
                properties.getOverlayAddress().isBlank() ? null : properties.getOverlayAddress());
    }

    /**
     * The pods Docker has of this node, or the last count while Docker does not answer: a daemon
     * restart is the node's own business (its reconciler brings the pods back), not a reason for the
     * service to declare the node lost and move its pods away.
     */
    private int podsOnNode() {
        try {
            lastPodCount = runtime.podsOnNode().size();
        } catch (RuntimeException dockerDown) {
            log.debug("node {}: Docker did not answer; the heartbeat carries the last pod count", node.nodeId());
        }
        return lastPodCount;
    }
}
