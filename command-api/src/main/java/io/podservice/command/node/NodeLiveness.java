package io.podservice.command.node;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Declares lost the ready nodes not heard from for {@code pod.nodes.lost-after}. Every command-api
 * instance looks (the aggregate makes a second declaration a no-op); after a start, each known node
 * gets a whole grace period first, since nobody recorded its heartbeats while the command side was down.
 */
@Component
class NodeLiveness {

    private static final Logger log = LoggerFactory.getLogger(NodeLiveness.class);

    private final CommandGateway commands;
    private final NodeIndex index;
    private final NodeProperties properties;
    private final Clock clock = Clock.systemUTC();

    NodeLiveness(CommandGateway commands, NodeIndex index, NodeProperties properties) {
        this.commands = commands;
        this.index = index;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void started() {
        index.restartGracePeriods(clock.instant());
    }

    @Scheduled(initialDelayString = "${pod.nodes.check-interval:PT5S}", fixedDelayString = "${pod.nodes.check-interval:PT5S}")
    void declareSilentNodesLost() {
        Instant now = clock.instant();
        for (NodeIndex.Silent silent : index.silentSince(now.minus(properties.getLostAfter()))) {
            Boolean declared = commands.sendAndWait(new NodeCommands.MarkNodeLost(silent.nodeId(), silent.lastHeartbeatAt(), now),
                    30, TimeUnit.SECONDS);
            if (Boolean.TRUE.equals(declared)) {
                log.warn("node {} is lost: not heard from since {}", silent.nodeId(), silent.lastHeartbeatAt());
            }
        }
    }
}
