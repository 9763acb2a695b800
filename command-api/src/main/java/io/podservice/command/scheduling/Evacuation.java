package io.podservice.command.scheduling;

import io.podservice.command.pod.PodCommands;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Empties lost nodes, level-triggered: every {@code pod.nodes.check-interval} each pod still placed
 * on a lost node is handed to its aggregate ({@link PodCommands.EvacuatePod}), which moves it to a
 * node with room (restartPolicy Always), fails it with reason {@code NodeLost} (the others), or
 * finishes its deletion. An instance that dies halfway leaves the rest to the next check, on any
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
                SELECT p.pod_id, p.node_id FROM pod_placement p JOIN node_index n ON n.node_id = p.node_id
                WHERE n.state = 'lost' AND NOT p.stranded ORDER BY p.node_id, p.pod_id LIMIT 500""",
                (rs, row) -> new Stranded(rs.getString(1), rs.getString(2)));
        for (Stranded pod : pods) {
            try {
                PodCommands.Evacuated outcome = commands.sendAndWait(
                        new PodCommands.EvacuatePod(pod.podId(), pod.nodeId()), 30, TimeUnit.SECONDS);
                log.info("pod {} on lost node {}: {}", pod.podId(), pod.nodeId(), outcome);
                if (outcome == PodCommands.Evacuated.STAYED || outcome == PodCommands.Evacuated.FAILED) {
                    // nothing more to do for it until its node is back (or lost again)
                    jdbc.update("UPDATE pod_placement SET stranded = TRUE WHERE pod_id = ? AND node_id = ?",
                            pod.podId(), pod.nodeId());
                }
            } catch (RuntimeException e) {
                log.warn("pod {} on lost node {} not evacuated this time: {}", pod.podId(), pod.nodeId(), e.getMessage());
            }
        }
    }

    private record Stranded(String podId, String nodeId) {
    }
}
