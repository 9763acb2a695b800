package io.podservice.command.node;

import io.podservice.events.EventJson;
import io.podservice.events.NodeHeartbeat;
import io.podservice.events.Topics;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.record.TimestampType;
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

    /** A group of its own: a rebalance of the task results' consumers never pauses the heartbeats. */
    @KafkaListener(id = "command-api-node-heartbeats", groupId = "command-api-nodes", topics = Topics.NODE_HEARTBEATS)
    void onHeartbeat(ConsumerRecord<String, byte[]> record) {
        NodeHeartbeat heartbeat = EventJson.read(record.value(), NodeHeartbeat.class);
        Instant now = clock.instant();
        // the broker's append time (the topic's timestamp type), not the node's clock, tells how old it is
        if (record.timestampType() == TimestampType.LOG_APPEND_TIME
                && Instant.ofEpochMilli(record.timestamp()).isBefore(now.minus(properties.getLostAfter()))) {
            log.info("skipped a heartbeat of node {} from {}: older than the grace period", heartbeat.nodeId(),
                    Instant.ofEpochMilli(record.timestamp()));
            return;
        }
        // noted first, so that a declaration of loss racing with this heartbeat sees it
        index.heardFrom(heartbeat.nodeId(), now);
        commands.sendAndWait(new NodeCommands.RecordHeartbeat(heartbeat.nodeId(), heartbeat, now), 30, TimeUnit.SECONDS);
    }
}
