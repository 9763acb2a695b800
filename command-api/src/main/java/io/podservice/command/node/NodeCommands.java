package io.podservice.command.node;

import io.podservice.events.NodeHeartbeat;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The commands of the Node aggregate: none comes from a tenant (cordon and uncordon come from an operator). */
public final class NodeCommands {

    private NodeCommands() {
    }

    /** The node was heard from: registers it, records what changed, or brings it back from lost. */
    public record RecordHeartbeat(@TargetAggregateIdentifier String nodeId, NodeHeartbeat heartbeat, Instant receivedAt) {
    }

    /** Nothing was heard from the node since {@code lastHeartbeatAt}, longer than the grace period. */
    public record MarkNodeLost(@TargetAggregateIdentifier String nodeId, Instant lastHeartbeatAt, Instant at) {
    }

    /** An operator takes the node out of scheduling; with {@code drain} its pods are moved elsewhere too. */
    public record CordonNode(@TargetAggregateIdentifier String nodeId, boolean drain) {
    }

    /** An operator gives the node back to scheduling. */
    public record UncordonNode(@TargetAggregateIdentifier String nodeId) {
    }
}
