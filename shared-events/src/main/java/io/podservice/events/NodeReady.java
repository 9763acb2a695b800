package io.podservice.events;

import java.time.Instant;

/** A lost node is heard from again: its heartbeats came back. */
public record NodeReady(String nodeId, Instant readyAt) implements NodeEvent {
}
