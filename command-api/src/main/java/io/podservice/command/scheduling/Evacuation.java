package io.podservice.command.scheduling;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Empties lost and drained nodes, level-triggered: every {@code pod.nodes.check-interval} each pod
 * still placed on a lost or draining node is handed to its aggregate ({@link EvacuatePod}),
 * which moves it to a node with room, fails it with reason {@code NodeLost} (a lost node's pods that
 * may not be restarted elsewhere), finishes its deletion, or leaves it (nowhere has room). An instance that dies halfway leaves the rest to the next check, on any
 * instance; a pod handled twice changes nothing the second time (its node is no longer the lost one).
 */
@Component
class Evacuation {

    private static final Logger log = LoggerFactory.getLogger(Evacuation.class);

    private final JdbcTemplate jdbc;
    private final CommandGateway commands;

    Evacuation(JdbcTemplate jdbc, CommandGateway commands) {
        this.jdbc = jdbc;
        this.commands = commands;
    }

    @Scheduled(initialDelayString = "${pod.nodes.check-interval:PT5S}", fixedDelayString = "${pod.nodes.check-interval:PT5S}")
    void evacuateLostNodes() {
        List<Stranded> pods = jdbc.query("""
                SELECT p.pod_id, p.node_id, n.state = 'lost' FROM pod_placement p JOIN node_index n ON n.node_id = p.node_id
                WHERE (n.state = 'lost' OR n.draining) AND NOT p.stranded ORDER BY p.node_id, p.pod_id LIMIT 500""",
                (rs, row) -> new Stranded(rs.getString(1), rs.getString(2), rs.getBoolean(3)));
        for (Stranded pod : pods) {
            try {
                EvacuatePod.Outcome outcome = commands.sendAndWait(
                        new EvacuatePod(pod.podId(), pod.nodeId(), pod.lost()), 30, TimeUnit.SECONDS);
                log.info("pod {} on {} node {}: {}", pod.podId(), pod.lost() ? "lost" : "drained", pod.nodeId(), outcome);
                if (outcome == EvacuatePod.Outcome.STAYED || outcome == EvacuatePod.Outcome.FAILED) {
                    // nothing more to do for it until its node is back (or lost again)
                    jdbc.update("UPDATE pod_placement SET stranded = TRUE WHERE pod_id = ? AND node_id = ?",
                            pod.podId(), pod.nodeId());
                }
            } catch (RuntimeException e) {
                log.warn("pod {} on node {} not evacuated this time: {}", pod.podId(), pod.nodeId(), e.getMessage());
            }
        }
    }

    private record Stranded(String podId, String nodeId, boolean lost) {
    }
}
