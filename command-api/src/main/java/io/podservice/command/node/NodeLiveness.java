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
 */
@Component
class NodeLiveness {

    private static final Logger log = LoggerFactory.getLogger(NodeLiveness.class);

    private final CommandGateway commands;
    private final NodeIndex index;
    private final NodeProperties properties;
    private final Clock clock = Clock.systemUTC();
    private final Instant startedAt = clock.instant();

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
        for (NodeIndex.Silent silent : index.silentSince(now.minus(properties.getLostAfter()))) {
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
