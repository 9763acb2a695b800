package io.podservice.command.node;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.podservice.events.NodeCordoned;
import io.podservice.events.NodeLost;
import io.podservice.events.NodeUncordoned;
import java.time.Instant;
import io.podservice.events.NodeReady;
import io.podservice.events.NodeRegistered;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A machine whose worker runs pods. Registered by its first heartbeat (what it offers: zone, CPU,
 * memory, pods, labels, URL), registered again when any of that changes, lost when it falls silent
 * for longer than the grace period, ready again when it is heard from; cordoned (and drained) by an
 * operator, which keeps new pods off it, until uncordoned. A heartbeat that changes nothing records
 * nothing.
 */
@Aggregate
public class Node {

    @AggregateIdentifier
    private String nodeId;
    /** What the node last registered, its time left out: a heartbeat saying the same changes nothing. */
    private NodeRegistered registration;
    private boolean lost;
    private boolean cordoned;
    private boolean draining;

    protected Node() {
        // for Axon's event sourcing, and created by its first heartbeat
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(NodeCommands.RecordHeartbeat command) {
        NodeRegistered offered = command.heartbeat().registration(command.receivedAt());
        if (registration == null || !registration.equals(offered.withRegisteredAt(null))) {
            apply(offered);
        } else if (lost) {
            apply(new NodeReady(command.nodeId(), command.receivedAt()));
        }
    }

    /**
     * @return whether the node was declared lost now: not when it already is, and not when it was
     *     heard from after the silence the command saw (a heartbeat that arrived meanwhile)
     */
    @CommandHandler
    public boolean handle(NodeCommands.MarkNodeLost command, LastHeartbeats heartbeats) {
        if (lost || registration == null
                || heartbeats.of(nodeId).filter(last -> last.isAfter(command.lastHeartbeatAt())).isPresent()) {
            return false;
        }
        apply(new NodeLost(nodeId, command.lastHeartbeatAt(), command.at()));
        return true;
    }

    /** @return whether anything changed (cordoning a cordoned node again records nothing) */
    @CommandHandler
    public boolean handle(NodeCommands.CordonNode command) {
        if (cordoned && (draining || !command.drain())) {
            return false;
        }
        apply(new NodeCordoned(nodeId, command.drain(), Instant.now()));
        return true;
    }

    @CommandHandler
    public boolean handle(NodeCommands.UncordonNode command) {
        if (!cordoned) {
            return false;
        }
        apply(new NodeUncordoned(nodeId, Instant.now()));
        return true;
    }

    @EventSourcingHandler
    void on(NodeCordoned event) {
        cordoned = true;
        draining = event.drain();
    }

    @EventSourcingHandler
    void on(NodeUncordoned event) {
        cordoned = false;
        draining = false;
    }

    @EventSourcingHandler
    void on(NodeRegistered event) {
        nodeId = event.nodeId();
        registration = event.withRegisteredAt(null);
        lost = false;
    }

    @EventSourcingHandler
    void on(NodeReady event) {
        lost = false;
    }

    @EventSourcingHandler
    void on(NodeLost event) {
        lost = true;
    }
}
