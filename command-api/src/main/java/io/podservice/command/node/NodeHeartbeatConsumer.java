package io.podservice.command.node;

import io.podservice.events.EventJson;
import io.podservice.events.NodeHeartbeat;
import io.podservice.events.Topics;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Turns the nodes' heartbeats ({@link Topics#NODE_HEARTBEATS}) into commands on the Node aggregate,
 * which records only what changed, and notes when each node was last heard from. A heartbeat older
 * than the grace period (a backlog read after the command side was down) says nothing about now and
 * is skipped.
 */
@Component
class NodeHeartbeatConsumer {

    private static final Logger log = LoggerFactory.getLogger(NodeHeartbeatConsumer.class);

    private final CommandGateway commands;
    private final NodeIndex index;
    private final NodeProperties properties;
    private final Clock clock = Clock.systemUTC();

    NodeHeartbeatConsumer(CommandGateway commands, NodeIndex index, NodeProperties properties) {
        this.commands = commands;
        this.index = index;
        this.properties = properties;
    }

    @KafkaListener(id = "command-api-node-heartbeats", groupId = "command-api", topics = Topics.NODE_HEARTBEATS)
    void onHeartbeat(ConsumerRecord<String, byte[]> record) {
        NodeHeartbeat heartbeat = EventJson.read(record.value(), NodeHeartbeat.class);
        Instant now = clock.instant();
        // the broker's time of the record, not the node's clock, tells how old it is
        if (Instant.ofEpochMilli(record.timestamp()).isBefore(now.minus(properties.getLostAfter()))) {
            log.debug("skipped an old heartbeat of node {}", heartbeat.nodeId());
            return;
        }
        commands.sendAndWait(new NodeCommands.RecordHeartbeat(heartbeat.nodeId(), heartbeat, now), 30, TimeUnit.SECONDS);
        index.heardFrom(heartbeat.nodeId(), now);
    }
}
