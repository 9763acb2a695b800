package io.podservice.events;

import java.time.Instant;
import java.util.Map;

/**
 * A node joined the service, or told it something new about itself (its URL, zone, labels or what
 * it can hold): what it offers to pods. A registered node is ready.
 *
 * @param allocatableCpu    CPU cores pods may use together
 * @param allocatableMemoryMB memory pods may use together, MiB
 * @param allocatablePods   how many pods it runs at most
 */
public record NodeRegistered(
        String nodeId,
        String nodeUrl,
        String availabilityZone,
        double allocatableCpu,
        long allocatableMemoryMB,
        int allocatablePods,
        Map<String, String> labels,
        Instant registeredAt) implements NodeEvent {

    public NodeRegistered {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    /** The same registration at another time (null: what the node offers, whenever it said so). */
    public NodeRegistered withRegisteredAt(Instant at) {
        return new NodeRegistered(nodeId, nodeUrl, availabilityZone, allocatableCpu, allocatableMemoryMB,
                allocatablePods, labels, at);
    }
}
