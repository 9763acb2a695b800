package io.podservice.command.scheduling;

import io.podservice.events.NodeReady;
import io.podservice.events.NodeRegistered;
import io.podservice.events.PodCreated;
import io.podservice.events.PodDeleted;
import io.podservice.events.PodEvent;
import io.podservice.events.PodTask;
import io.podservice.events.PodScheduled;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What each node holds ({@code pod_placement} and the {@code used_*} counters of {@code node_index}),
 * kept from the pods' events by the subscribing processor {@value #PROCESSING_GROUP}, in the
 * transaction that stores them: the scheduler's next decision sees them.
 */
@Component
@ProcessingGroup(PlacementLedger.PROCESSING_GROUP)
class PlacementLedger {

    static final String PROCESSING_GROUP = "placements";

    private final JdbcTemplate jdbc;

    PlacementLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What the pod needs, known from its creation; placed by the PodScheduled that follows in the same command. */
    @EventHandler
    void on(PodCreated created) {
        Resources need = Resources.of(created.definition());
        jdbc.update("INSERT INTO pod_placement (pod_id, node_id, generation, millicores, memory_mb) "
                + "VALUES (?, NULL, 0, ?, ?) ON CONFLICT (pod_id) DO NOTHING", created.podId(), need.millicores(),
                need.memoryMB());
    }

    @EventHandler
    void on(PodScheduled scheduled) {
        List<Map<String, Object>> before = jdbc.queryForList(
                "SELECT node_id, millicores, memory_mb FROM pod_placement WHERE pod_id = ? FOR UPDATE", scheduled.podId());
        if (before.isEmpty()) {
            return;
        }
        Resources need = new Resources(((Number) before.get(0).get("millicores")).longValue(),
                ((Number) before.get(0).get("memory_mb")).longValue());
        String from = (String) before.get(0).get("node_id");
        if (from != null) {
            take(from, need, -1);
        }
        take(scheduled.nodeId(), need, 1);
        jdbc.update("UPDATE pod_placement SET node_id = ?, generation = ?, stranded = FALSE WHERE pod_id = ?",
                scheduled.nodeId(), scheduled.generation(), scheduled.podId());
    }

    @EventHandler
    void on(PodDeleted deleted) {
        jdbc.query("DELETE FROM pod_placement WHERE pod_id = ? RETURNING node_id, millicores, memory_mb",
                (rs, row) -> {
                    if (rs.getString(1) != null) {
                        take(rs.getString(1), new Resources(rs.getLong(2), rs.getLong(3)), -1);
                    }
                    return null;
                }, deleted.podId());
    }

    /**
     * A task for a pod its node's evacuation left on the lost node (started, stopped, rebuilt or
     * deleted meanwhile): the next evacuation pass takes it up again.
     */
    @EventHandler
    void on(PodEvent event) {
        if (event instanceof PodTask && !(event instanceof PodCreated)) {
            jdbc.update("UPDATE pod_placement SET stranded = FALSE WHERE pod_id = ? AND stranded", event.podId());
        }
    }

    /** A node back: the pods its evacuation left there are its own again. */
    @EventHandler
    void on(NodeReady ready) {
        jdbc.update("UPDATE pod_placement SET stranded = FALSE WHERE node_id = ?", ready.nodeId());
    }

    @EventHandler
    void on(NodeRegistered registered) {
        jdbc.update("UPDATE pod_placement SET stranded = FALSE WHERE node_id = ?", registered.nodeId());
    }

    private void take(String nodeId, Resources need, int sign) {
        jdbc.update("UPDATE node_index SET used_millicores = used_millicores + ?, used_memory_mb = used_memory_mb + ?, "
                        + "used_pods = used_pods + ? WHERE node_id = ?",
                sign * need.millicores(), sign * need.memoryMB(), sign, nodeId);
    }
}
