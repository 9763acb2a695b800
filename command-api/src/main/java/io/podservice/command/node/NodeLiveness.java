package io.podservice.command.node;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Declares lost the ready nodes not heard from for {@code pod.nodes.lost-after}. Every command-api
 * instance looks (a second declaration of the same node records nothing, or loses the race on the
 * aggregate's sequence and is skipped); for a whole grace period after its start an instance
 * declares nothing, since nobody recorded the nodes' heartbeats while the command side was down.
 * Nor does any instance while no node at all is heard from: that silence is the service's own
 * (Kafka away), and moving every node's pods would turn it into an outage. (So the only node of a
 * one-node service is never declared lost: there would be nowhere to move its pods anyway.)
 */
@Component
class NodeLiveness {

    private static final Logger log = LoggerFactory.getLogger(NodeLiveness.class);

    private final CommandGateway commands;
    private final NodeIndex index;
    private final NodeProperties properties;
    private final Clock clock = Clock.systemUTC();
    private final Instant startedAt = clock.instant();
    private boolean deaf;

    NodeLiveness(CommandGateway commands, NodeIndex index, NodeProperties properties) {
        this.commands = commands;
        this.index = index;
        this.properties = properties;
    }

    @Scheduled(initialDelayString = "${pod.nodes.check-interval:PT5S}", fixedDelayString = "${pod.nodes.check-interval:PT5S}")
    void declareSilentNodesLost() {
        Instant now = clock.instant();
        if (now.isBefore(startedAt.plus(properties.getLostAfter()))) {
            return;
        }
        Instant cutoff = now.minus(properties.getLostAfter());
        if (index.lastHeardFromAny().map(last -> last.isBefore(cutoff)).orElse(true)) {
            // not one node heard from in the grace period: the silence is the service's own (Kafka away, its
            // heartbeats' consumer stalled), not the nodes'; moving every pod of every node would be the outage
            if (!deaf) {
                log.warn("no node has been heard from for {}: no node is declared lost until one is", properties.getLostAfter());
            }
            deaf = true;
            return;
        }
        deaf = false;
        for (NodeIndex.Silent silent : index.silentSince(cutoff)) {
            try {
                Boolean declared = commands.sendAndWait(
                        new NodeCommands.MarkNodeLost(silent.nodeId(), silent.lastHeartbeatAt(), now), 30, TimeUnit.SECONDS);
                if (Boolean.TRUE.equals(declared)) {
                    log.warn("node {} is lost: not heard from since {}", silent.nodeId(), silent.lastHeartbeatAt());
                }
            } catch (RuntimeException e) {
                // another instance declared it meanwhile, or the store is away: the next check tries again
                log.info("node {}: not declared lost this time: {}", silent.nodeId(), e.getMessage());
            }
        }
    }
}
