package io.podservice.query.nodes;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The state of the nodes pods are placed on, as describePod(s) shows it (the pod's NodeReady condition). */
@Component
public class NodeStates {

    private final JdbcTemplate jdbc;

    NodeStates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A node's state ({@code ready} or {@code lost}) and since when. */
    public record NodeState(String state, Instant since) {

        public boolean ready() {
            return NodeProjection.READY.equals(state);
        }
    }

    /** The states of {@code nodeIds}, one query for all; a node the read side does not know is absent. */
    public Map<String, NodeState> of(Collection<String> nodeIds) {
        Map<String, NodeState> states = new HashMap<>();
        if (nodeIds.isEmpty()) {
            return states;
        }
        jdbc.query("SELECT node_id, state, state_changed_at FROM node_view WHERE node_id = ANY (?)", rs -> {
            states.put(rs.getString(1), new NodeState(rs.getString(2), rs.getTimestamp(3).toInstant()));
        }, (Object) nodeIds.toArray(String[]::new));
        return states;
    }
}
