package io.podservice.query.imagecaches;

import io.podservice.events.EventEnvelope;
import io.podservice.events.ImageCacheCreated;
import io.podservice.events.ImageCacheDeleted;
import io.podservice.events.ImageCacheNodeReported;
import io.podservice.events.ImageCacheUpdated;
import io.podservice.events.PodCreated;
import io.podservice.query.ReadModel;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The image caches' projection: {@code image_cache_view} (idempotent by aggregate sequence) and the
 * containers that used each ({@code image_cache_use}, idempotent by pod and container).
 */
@Component
public class ImageCacheProjection implements ReadModel {

    private final JdbcTemplate jdbc;

    ImageCacheProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> tables() {
        return List.of("image_cache_view", "image_cache_use");
    }

    @Override
    public void apply(EventEnvelope event) {
        Object payload = event.payload();
        if (payload instanceof ImageCacheCreated c) {
            jdbc.update("""
                    INSERT INTO image_cache_view (image_cache_id, account_id, region_id, name, image, secret, size_gb,
                                                  retention_days, created_time, node_ids, status, last_sequence)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (image_cache_id) DO NOTHING""",
                    c.imageCacheId(), c.accountId(), c.regionId(), c.name(), c.image(), c.secret(), c.sizeGB(),
                    c.retentionDays(), Timestamp.from(c.createdAt()), c.nodeIds().toArray(String[]::new),
                    c.nodeIds().isEmpty() ? "Error" : "Creating", event.sequence());
        } else if (payload instanceof ImageCacheUpdated u) {
            jdbc.update("UPDATE image_cache_view SET name = ?, retention_days = ?, last_sequence = ? "
                    + "WHERE image_cache_id = ? AND last_sequence < ?", u.name(), u.retentionDays(), event.sequence(),
                    u.imageCacheId(), event.sequence());
        } else if (payload instanceof ImageCacheNodeReported r) {
            jdbc.update("""
                    UPDATE image_cache_view SET answers = answers || jsonb_build_object(?::text, jsonb_build_object(
                        'status', ?::text, 'message', ?::text, 'sizeBytes', ?::bigint, 'reportedTime', ?::text)),
                        last_sequence = ?
                    WHERE image_cache_id = ? AND last_sequence < ?""",
                    r.nodeId(), r.status(), r.message(), r.sizeBytes(), io.podservice.api.web.ApiDates.format(r.reportedAt()),
                    event.sequence(), r.imageCacheId(), event.sequence());
            // Creating until every node asked has answered; then Ready when all hold the image, else Error
            jdbc.update("""
                    UPDATE image_cache_view SET status = CASE
                        WHEN (SELECT count(*) FROM jsonb_object_keys(answers)) < cardinality(node_ids) THEN 'Creating'
                        WHEN NOT EXISTS (SELECT 1 FROM jsonb_each(answers) a WHERE a.value ->> 'status' <> 'Ready')
                        THEN 'Ready' ELSE 'Error' END
                    WHERE image_cache_id = ?""", r.imageCacheId());
        } else if (payload instanceof ImageCacheDeleted d) {
            jdbc.update("UPDATE image_cache_view SET deleted = TRUE, last_sequence = ? WHERE image_cache_id = ? "
                    + "AND last_sequence < ?", event.sequence(), d.imageCacheId(), event.sequence());
        } else if (payload instanceof PodCreated created) {
            created.definition().containers().stream().filter(c -> c.imageCacheId() != null).forEach(c -> jdbc.update("""
                    INSERT INTO image_cache_use (pod_id, container, image_cache_id, matched_time) VALUES (?, ?, ?, ?)
                    ON CONFLICT DO NOTHING""", created.podId(), c.name(), c.imageCacheId(),
                    Timestamp.from(created.createdAt())));
        }
    }
}
