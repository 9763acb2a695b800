package io.podservice.events;

import java.time.Instant;

/** An operator gave the node back to scheduling (and stopped draining it). */
public record NodeUncordoned(String nodeId, Instant uncordonedAt) implements NodeEvent {
}
