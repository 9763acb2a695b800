package io.podservice.events;

import java.time.Instant;
import java.util.Map;

/**
 * What a node says about itself every {@code pod.worker.heartbeat-interval}, on
 * {@link Topics#NODE_HEARTBEATS} keyed by its id: not an event (the command side turns changes into
 * {@link NodeRegistered} and {@link NodeReady}, and silence into {@link NodeLost}).
 *
 * @param runningPods the pods whose containers it holds now
 * @param overlayAddress the address its subnets' VXLAN tunnels end at, or null when it has no overlay
 */
public record NodeHeartbeat(
        String nodeId,
        String nodeUrl,
        String availabilityZone,
        double allocatableCpu,
        long allocatableMemoryMB,
        int allocatablePods,
        Map<String, String> labels,
        int runningPods,
        Instant sentAt,
        String overlayAddress) {

    public NodeHeartbeat {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    /** The registration this heartbeat amounts to. */
    public NodeRegistered registration(Instant at) {
        return new NodeRegistered(nodeId, nodeUrl, availabilityZone, allocatableCpu, allocatableMemoryMB,
                allocatablePods, labels, at);
    }
}
