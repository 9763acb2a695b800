package io.podservice.events;

import java.time.Instant;

/**
 * The pod's containers run on the node {@code nodeId}, whose interactive endpoints (exec, attach,
 * logs) answer on {@code nodeUrl}. Recorded when a node first reports the pod and again when
 * another node adopts it (after a failover), so the read side can route to the right node.
 */
public record PodPlaced(String podId, String nodeId, String nodeUrl, Instant placedAt) implements PodEvent {
}
