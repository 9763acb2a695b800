package io.podservice.events;

import java.time.Instant;

/** No heartbeat came from the node for longer than the grace period ({@code pod.nodes.lost-after}). */
public record NodeLost(String nodeId, Instant lastHeartbeatAt, Instant lostAt) implements NodeEvent {
}
