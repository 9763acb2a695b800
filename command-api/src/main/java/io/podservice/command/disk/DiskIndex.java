package io.podservice.command.disk;

import io.podservice.events.DiskAttached;
import io.podservice.events.DiskCreated;
import io.podservice.events.DiskDeleted;
import io.podservice.events.DiskDetached;
import io.podservice.events.DiskNodeReported;
import io.podservice.events.SnapshotCreated;
import io.podservice.events.SnapshotDeleted;
import io.podservice.events.SnapshotNodeReported;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The live disks ({@code disk_index}) and snapshots ({@code snapshot_index}): where each lives, its
 * status and the pod that has a disk. Kept by the subscribing processor {@value #PROCESSING_GROUP}
 * in the transaction that stores the events.
 */
@Component
@ProcessingGroup(DiskIndex.PROCESSING_GROUP)
public class DiskIndex {

    static final String PROCESSING_GROUP = "disk-index";

    private final JdbcTemplate jdbc;

    DiskIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A disk as the rules need it. */
    public record Entry(String diskId, String az, String nodeId, int sizeGB, String status, String podId) {
    }

    /** A snapshot as the rules need it. */
    public record SnapshotEntry(String snapshotId, String diskId, String nodeId, int sizeGB, String status) {
    }

    public Optional<Entry> disk(String accountId, String regionId, String diskId) {
        return jdbc.query("SELECT disk_id, az, node_id, size_gb, made, failed, pod_id FROM disk_index "
                        + "WHERE disk_id = ? AND account_id = ? AND region_id = ?",
                (rs, row) -> new Entry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        Disk.status(rs.getBoolean(5), rs.getBoolean(6), rs.getString(7)), rs.getString(7)),
                diskId, accountId, regionId).stream().findFirst();
    }

    public Optional<SnapshotEntry> snapshot(String accountId, String regionId, String snapshotId) {
        return jdbc.query("SELECT snapshot_id, disk_id, node_id, size_gb, status FROM snapshot_index "
                        + "WHERE snapshot_id = ? AND account_id = ? AND region_id = ?",
                (rs, row) -> new SnapshotEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getString(5)), snapshotId, accountId, regionId).stream().findFirst();
    }

    /** The disks pod {@code podId} has. */
    List<String> disksOf(String podId) {
        return jdbc.queryForList("SELECT disk_id FROM disk_index WHERE pod_id = ? ORDER BY disk_id", String.class, podId);
    }

    /** The disks made from the snapshot that their node has not made yet (they copy it). */
    List<String> creatingFrom(String snapshotId) {
        return jdbc.queryForList("SELECT disk_id FROM disk_index WHERE snapshot_id = ? AND NOT made AND NOT failed "
                + "ORDER BY disk_id", String.class, snapshotId);
    }

    /** How many disks each of {@code nodeIds} holds: createDisks puts a new one on the node with fewest. */
    java.util.Map<String, Integer> diskCounts(List<String> nodeIds) {
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        nodeIds.forEach(id -> counts.put(id, 0));
        jdbc.query("SELECT node_id, count(*) FROM disk_index WHERE node_id = ANY (?) GROUP BY node_id",
                rs -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                }, (Object) nodeIds.toArray(String[]::new));
        return counts;
    }

    @EventHandler
    void on(DiskCreated e) {
        jdbc.update("""
                INSERT INTO disk_index (disk_id, account_id, region_id, az, node_id, size_gb, snapshot_id)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", e.diskId(), e.accountId(), e.regionId(), e.az(),
                e.nodeId(), e.sizeGB(), e.snapshotId());
    }

    @EventHandler
    void on(DiskNodeReported e) {
        boolean made = Disk.AVAILABLE.equals(e.status());
        jdbc.update("UPDATE disk_index SET made = ?, failed = ? WHERE disk_id = ?", made, !made, e.diskId());
    }

    @EventHandler
    void on(DiskAttached e) {
        jdbc.update("UPDATE disk_index SET pod_id = ? WHERE disk_id = ?", e.podId(), e.diskId());
    }

    @EventHandler
    void on(DiskDetached e) {
        jdbc.update("UPDATE disk_index SET pod_id = NULL WHERE disk_id = ?", e.diskId());
    }

    @EventHandler
    void on(DiskDeleted e) {
        jdbc.update("DELETE FROM disk_index WHERE disk_id = ?", e.diskId());
    }

    @EventHandler
    void on(SnapshotCreated e) {
        jdbc.update("""
                INSERT INTO snapshot_index (snapshot_id, account_id, region_id, disk_id, node_id, size_gb, status)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", e.snapshotId(), e.accountId(), e.regionId(),
                e.diskId(), e.nodeId(), e.sizeGB(), Snapshot.CREATING);
    }

    @EventHandler
    void on(SnapshotNodeReported e) {
        jdbc.update("UPDATE snapshot_index SET status = ? WHERE snapshot_id = ?", e.status(), e.snapshotId());
    }

    @EventHandler
    void on(SnapshotDeleted e) {
        jdbc.update("DELETE FROM snapshot_index WHERE snapshot_id = ?", e.snapshotId());
    }
}
