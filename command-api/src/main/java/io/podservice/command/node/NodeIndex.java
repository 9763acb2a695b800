package io.podservice.command.node;

import io.podservice.events.NodeCordoned;
import io.podservice.events.NodeLost;
import io.podservice.events.NodeUncordoned;
import io.podservice.events.NodeReady;
import io.podservice.events.NodeRegistered;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The nodes' states ({@code node_index}), kept from the Node events by the subscribing processor
 * {@value #PROCESSING_GROUP} in the transaction that stores them, and when each was last heard from.
 */
@Component
@ProcessingGroup(NodeIndex.PROCESSING_GROUP)
public class NodeIndex implements LastHeartbeats {

    static final String PROCESSING_GROUP = "node-index";
    static final String READY = "ready";
    static final String LOST = "lost";

    private final JdbcTemplate jdbc;

    NodeIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A registered node was heard from at {@code at} (a later heartbeat never moves it back). */
    void heardFrom(String nodeId, Instant at) {
        jdbc.update("UPDATE node_index SET last_heartbeat_at = GREATEST(last_heartbeat_at, ?) WHERE node_id = ?",
                Timestamp.from(at), nodeId);
    }

    @Override
    public Optional<Instant> of(String nodeId) {
        return jdbc.query("SELECT last_heartbeat_at FROM node_index WHERE node_id = ?",
                (rs, row) -> rs.getTimestamp(1).toInstant(), nodeId).stream().findFirst();
    }

    /** The ready nodes that serve any of {@code azs}, by id. */
    public List<String> readyIn(List<String> azs) {
        return jdbc.queryForList("SELECT node_id FROM node_index WHERE state = ? AND string_to_array(availability_zone, ',') "
                + "&& ?::text[] ORDER BY node_id", String.class, READY, azs.toArray(String[]::new));
    }

    /** When the service last heard from any node at all. */
    Optional<Instant> lastHeardFromAny() {
        return Optional.ofNullable(jdbc.queryForObject("SELECT max(last_heartbeat_at) FROM node_index",
                java.sql.Timestamp.class)).map(Timestamp::toInstant);
    }

    /** Ready nodes not heard from since {@code before}, with when they last were. */
    List<Silent> silentSince(Instant before) {
        return jdbc.query("SELECT node_id, last_heartbeat_at FROM node_index WHERE state = ? AND last_heartbeat_at < ?",
                (rs, row) -> new Silent(rs.getString(1), rs.getTimestamp(2).toInstant()), READY, Timestamp.from(before));
    }

    record Silent(String nodeId, Instant lastHeartbeatAt) {
    }


    @EventHandler
    void on(NodeRegistered registered) {
        jdbc.update("""
                INSERT INTO node_index (node_id, state, last_heartbeat_at, node_url, availability_zone,
                    allocatable_millicores, allocatable_memory_mb, allocatable_pods) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (node_id) DO UPDATE SET state = EXCLUDED.state,
                    last_heartbeat_at = GREATEST(node_index.last_heartbeat_at, EXCLUDED.last_heartbeat_at),
                    node_url = EXCLUDED.node_url, availability_zone = EXCLUDED.availability_zone,
                    allocatable_millicores = EXCLUDED.allocatable_millicores,
                    allocatable_memory_mb = EXCLUDED.allocatable_memory_mb,
                    allocatable_pods = EXCLUDED.allocatable_pods""",
                registered.nodeId(), READY, Timestamp.from(registered.registeredAt()), registered.nodeUrl(),
                registered.availabilityZone(), Math.round(registered.allocatableCpu() * 1000),
                registered.allocatableMemoryMB(), registered.allocatablePods());
    }

    @EventHandler
    void on(NodeReady ready) {
        jdbc.update("UPDATE node_index SET state = ?, last_heartbeat_at = GREATEST(last_heartbeat_at, ?) WHERE node_id = ?",
                READY, Timestamp.from(ready.readyAt()), ready.nodeId());
    }

    @EventHandler
    void on(NodeCordoned cordoned) {
        jdbc.update("UPDATE node_index SET cordoned = TRUE, draining = ? WHERE node_id = ?", cordoned.drain(),
                cordoned.nodeId());
    }

    @EventHandler
    void on(NodeUncordoned uncordoned) {
        jdbc.update("UPDATE node_index SET cordoned = FALSE, draining = FALSE WHERE node_id = ?", uncordoned.nodeId());
    }

    @EventHandler
    void on(NodeLost lost) {
        jdbc.update("UPDATE node_index SET state = ? WHERE node_id = ?", LOST, lost.nodeId());
    }
}
