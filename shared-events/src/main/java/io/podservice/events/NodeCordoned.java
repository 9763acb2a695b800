package io.podservice.events;

import java.time.Instant;

/**
 * An operator took the node out of scheduling: no new pod is placed on it, its pods stay. With
 * {@code drain} its pods are also moved to other nodes with room (those that fit nowhere stay).
 */
public record NodeCordoned(String nodeId, boolean drain, Instant cordonedAt) implements NodeEvent {
}
