package io.podservice.command.node;

import java.time.Instant;
import java.util.Optional;

/** When each node was last heard from: heartbeats are not events, so the Node aggregate asks here. */
public interface LastHeartbeats {

    Optional<Instant> of(String nodeId);
}
