package io.podservice.query.nodes;

import io.podservice.events.EventEnvelope;
import io.podservice.events.EventJson;
import io.podservice.events.NodeCordoned;
import io.podservice.events.NodeLost;
import io.podservice.events.NodeUncordoned;
import io.podservice.events.NodeReady;
import io.podservice.events.NodeRegistered;
import io.podservice.query.ReadModel;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The operators' node list ({@code node_view}), idempotent by aggregate sequence. */
@Component
public class NodeProjection implements ReadModel {

    static final String READY = "ready";
    static final String LOST = "lost";

    private final JdbcTemplate jdbc;

    NodeProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> tables() {
        return List.of("node_view");
    }

    @Override
    public void apply(EventEnvelope event) {
        Timestamp at = Timestamp.from(event.timestamp());
        if (event.payload() instanceof NodeRegistered registered) {
            jdbc.update("""
                    INSERT INTO node_view (node_id, node_url, availability_zone, allocatable_cpu, allocatable_memory_mb,
                                           allocatable_pods, labels, state, registered_at, state_changed_at, last_sequence)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (node_id) DO UPDATE SET node_url = EXCLUDED.node_url,
                        availability_zone = EXCLUDED.availability_zone, allocatable_cpu = EXCLUDED.allocatable_cpu,
                        allocatable_memory_mb = EXCLUDED.allocatable_memory_mb,
                        allocatable_pods = EXCLUDED.allocatable_pods, labels = EXCLUDED.labels,
                        state_changed_at = CASE WHEN node_view.state = EXCLUDED.state THEN node_view.state_changed_at
                                                ELSE EXCLUDED.state_changed_at END,
                        state = EXCLUDED.state, last_heartbeat_at = NULL, last_sequence = EXCLUDED.last_sequence
                    WHERE node_view.last_sequence < EXCLUDED.last_sequence""",
                    registered.nodeId(), registered.nodeUrl(), registered.availabilityZone(), registered.allocatableCpu(),
                    registered.allocatableMemoryMB(), registered.allocatablePods(),
                    new String(EventJson.write(registered.labels()), StandardCharsets.UTF_8), READY, at, at,
                    event.sequence());
        } else if (event.payload() instanceof NodeReady ready) {
            state(ready.nodeId(), READY, at, null, event.sequence());
        } else if (event.payload() instanceof NodeLost lost) {
            state(lost.nodeId(), LOST, at, Timestamp.from(lost.lastHeartbeatAt()), event.sequence());
        } else if (event.payload() instanceof NodeCordoned cordoned) {
            scheduling(cordoned.nodeId(), false, cordoned.drain(), event.sequence());
        } else if (event.payload() instanceof NodeUncordoned uncordoned) {
            scheduling(uncordoned.nodeId(), true, false, event.sequence());
        }
    }

    /** Whether pods may be placed on the node, and whether it is being drained. */
    private void scheduling(String nodeId, boolean schedulable, boolean draining, long sequence) {
        jdbc.update("UPDATE node_view SET schedulable = ?, draining = ?, last_sequence = ? "
                + "WHERE node_id = ? AND last_sequence < ?", schedulable, draining, sequence, nodeId, sequence);
    }

    /** The node's state since {@code at}; {@code lastHeard} is shown only while it is lost. */
    private void state(String nodeId, String state, Timestamp at, Timestamp lastHeard, long sequence) {
        jdbc.update("UPDATE node_view SET state = ?, state_changed_at = ?, last_heartbeat_at = ?, last_sequence = ? "
                + "WHERE node_id = ? AND last_sequence < ?", state, at, lastHeard, sequence, nodeId, sequence);
    }
}
