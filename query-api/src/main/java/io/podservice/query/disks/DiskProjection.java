package io.podservice.query.disks;

import io.podservice.events.DiskAttached;
import io.podservice.events.DiskCreated;
import io.podservice.events.DiskDeleted;
import io.podservice.events.DiskDetached;
import io.podservice.events.DiskNodeReported;
import io.podservice.events.EventEnvelope;
import io.podservice.events.SnapshotCreated;
import io.podservice.events.SnapshotDeleted;
import io.podservice.events.SnapshotNodeReported;
import io.podservice.query.ReadModel;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The disks' and snapshots' projection: {@code disk_view} and {@code snapshot_view}, idempotent by aggregate sequence. */
@Component
public class DiskProjection implements ReadModel {

    private static final String DISK_STEP = " last_sequence = ? WHERE disk_id = ? AND last_sequence < ?";
    private static final String SNAPSHOT_STEP = " last_sequence = ? WHERE snapshot_id = ? AND last_sequence < ?";

    private final JdbcTemplate jdbc;

    DiskProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> tables() {
        return List.of("disk_view", "snapshot_view");
    }

    @Override
    public void apply(EventEnvelope event) {
        Object payload = event.payload();
        long seq = event.sequence();
        if (payload instanceof DiskCreated c) {
            jdbc.update("""
                    INSERT INTO disk_view (disk_id, account_id, region_id, az, name, description, disk_type, size_gb,
                                           iops, snapshot_id, created_time, last_sequence)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (disk_id) DO NOTHING""",
                    c.diskId(), c.accountId(), c.regionId(), c.az(), c.name(), c.description(), c.diskType(),
                    c.sizeGB(), c.iops(), c.snapshotId(), Timestamp.from(c.createdAt()), seq);
        } else if (payload instanceof DiskNodeReported r) {
            boolean made = "available".equals(r.status());
            jdbc.update("UPDATE disk_view SET made = ?, failed = ?, message = ?," + DISK_STEP, made, !made,
                    made ? null : r.message(), seq, r.diskId(), seq);
        } else if (payload instanceof DiskAttached a) {
            jdbc.update("UPDATE disk_view SET pod_id = ?, attach_time = ?," + DISK_STEP, a.podId(),
                    Timestamp.from(a.attachedAt()), seq, a.diskId(), seq);
        } else if (payload instanceof DiskDetached d) {
            jdbc.update("UPDATE disk_view SET pod_id = NULL, attach_time = NULL," + DISK_STEP, seq, d.diskId(), seq);
        } else if (payload instanceof DiskDeleted d) {
            jdbc.update("UPDATE disk_view SET deleted = TRUE," + DISK_STEP, seq, d.diskId(), seq);
        } else if (payload instanceof SnapshotCreated c) {
            jdbc.update("""
                    INSERT INTO snapshot_view (snapshot_id, account_id, region_id, disk_id, name, description, size_gb,
                                               created_time, status, last_sequence)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'creating', ?) ON CONFLICT (snapshot_id) DO NOTHING""",
                    c.snapshotId(), c.accountId(), c.regionId(), c.diskId(), c.name(), c.description(), c.sizeGB(),
                    Timestamp.from(c.createdAt()), seq);
        } else if (payload instanceof SnapshotNodeReported r) {
            jdbc.update("UPDATE snapshot_view SET status = ?, message = ?," + SNAPSHOT_STEP, r.status(),
                    "available".equals(r.status()) ? null : r.message(), seq, r.snapshotId(), seq);
        } else if (payload instanceof SnapshotDeleted d) {
            jdbc.update("UPDATE snapshot_view SET deleted = TRUE," + SNAPSHOT_STEP, seq, d.snapshotId(), seq);
        }
    }
}
