package io.podservice.command.scheduling;

import io.podservice.events.NodeEvent;
import io.podservice.events.NodeLost;
import io.podservice.events.PodCreated;
import io.podservice.events.PodDeleted;
import io.podservice.events.PodEvent;
import io.podservice.events.PodTask;
import io.podservice.events.PodScheduled;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What each node holds ({@code pod_placement}), kept from the pods' events by the subscribing
 * processor {@value #PROCESSING_GROUP}, in the transaction that stores them: the scheduler's next
 * decision sees them. It never locks a node's row (the scheduler's lock), so a deletion cannot
 * deadlock with a createPods.
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
        jdbc.update("UPDATE pod_placement SET node_id = ?, generation = ?, stranded = FALSE WHERE pod_id = ?",
                scheduled.nodeId(), scheduled.generation(), scheduled.podId());
    }

    /** resizePod: the pod takes its new type's room on its node. */
    @EventHandler
    void on(io.podservice.events.PodResized resized) {
        Resources need = Resources.of(resized.definition());
        jdbc.update("UPDATE pod_placement SET millicores = ?, memory_mb = ? WHERE pod_id = ?", need.millicores(),
                need.memoryMB(), resized.podId());
    }

    @EventHandler
    void on(PodDeleted deleted) {
        jdbc.update("DELETE FROM pod_placement WHERE pod_id = ?", deleted.podId());
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

    /**
     * A node back, cordoned (a drain asked again) or uncordoned: the pods an evacuation left on it
     * are tried again by the next one (if the node is still lost or draining).
     */
    @EventHandler
    void on(NodeEvent event) {
        if (!(event instanceof NodeLost)) {
            jdbc.update("UPDATE pod_placement SET stranded = FALSE WHERE node_id = ? AND stranded", event.nodeId());
        }
    }
}
