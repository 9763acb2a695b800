package io.podservice.command.imagecache;

import io.podservice.events.ImageCacheCreated;
import io.podservice.events.ImageCacheDeleted;
import io.podservice.events.ImageCacheNodeReported;
import io.podservice.events.ImageCacheUpdated;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The live image caches with their image, secret, status and end ({@code image_cache_index}), which
 * createPods reads a container's cache from; kept by the subscribing processor {@value #PROCESSING_GROUP}
 * in the transaction that stores the events.
 */
@Component
@ProcessingGroup(ImageCacheIndex.PROCESSING_GROUP)
public class ImageCacheIndex {

    static final String PROCESSING_GROUP = "image-cache-index";

    private final JdbcTemplate jdbc;

    ImageCacheIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A cache as createPods needs it: its image, the secret it was pulled with, its status and end (null: none). */
    public record Entry(String imageCacheId, String image, String secret, String status, Instant expiresAt) {

        public boolean usableAt(Instant now) {
            return ImageCache.READY.equals(status) && (expiresAt == null || expiresAt.isAfter(now));
        }
    }

    private static final String SELECT = "SELECT image_cache_id, image, secret, status, "
            + "CASE WHEN retention_days > 0 THEN created_at + retention_days * interval '1 day' END FROM image_cache_index";

    public Optional<Entry> find(String accountId, String regionId, String imageCacheId) {
        return jdbc.query(SELECT + " WHERE image_cache_id = ? AND account_id = ? AND region_id = ?", (rs, row) -> entry(rs),
                imageCacheId, accountId, regionId).stream().findFirst();
    }

    /**
     * JD Cloud's match for an image: the account's Ready, unexpired caches of exactly that image (and
     * secret, when one is given), the smallest first, then the newest.
     */
    public Optional<Entry> mostSuitable(String accountId, String regionId, String image, String secret) {
        return jdbc.query(SELECT + " WHERE account_id = ? AND region_id = ? AND image = ? AND status = 'Ready' "
                        + "AND (retention_days = 0 OR created_at + retention_days * interval '1 day' > now()) "
                        + "AND (?::text IS NULL OR secret = ?) ORDER BY size_gb, created_at DESC LIMIT 1",
                (rs, row) -> entry(rs), accountId, regionId, image, secret, secret).stream().findFirst();
    }

    private static Entry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp end = rs.getTimestamp(5);
        return new Entry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                end == null ? null : end.toInstant());
    }

    /** A cache still Creating and a node it asked that is lost and has not answered. */
    record Unanswered(String imageCacheId, String nodeId) {
    }

    /** The answers lost nodes owe: asked, not answered, and the node declared lost since. */
    List<Unanswered> owedByLostNodes() {
        return jdbc.query("""
                SELECT c.image_cache_id, n.node_id FROM image_cache_index c
                JOIN node_index n ON n.node_id = ANY (c.node_ids)
                WHERE c.status = 'Creating' AND n.state = 'lost' AND c.answers ->> n.node_id IS NULL
                ORDER BY c.image_cache_id, n.node_id LIMIT 500""",
                (rs, row) -> new Unanswered(rs.getString(1), rs.getString(2)));
    }

    @EventHandler
    void on(ImageCacheCreated e) {
        jdbc.update("""
                INSERT INTO image_cache_index (image_cache_id, account_id, region_id, name, image, secret, size_gb,
                                               retention_days, created_at, asked, node_ids, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                e.imageCacheId(), e.accountId(), e.regionId(), e.name(), e.image(), e.secret(), e.sizeGB(),
                e.retentionDays(), Timestamp.from(e.createdAt()), e.nodeIds().size(), e.nodeIds().toArray(String[]::new),
                ImageCache.status(e.nodeIds().size(), List.of()));
    }

    @EventHandler
    void on(ImageCacheUpdated e) {
        jdbc.update("UPDATE image_cache_index SET name = ?, retention_days = ? WHERE image_cache_id = ?", e.name(),
                e.retentionDays(), e.imageCacheId());
    }

    @EventHandler
    void on(ImageCacheNodeReported e) {
        jdbc.update("UPDATE image_cache_index SET answers = answers || jsonb_build_object(?::text, ?::text) "
                + "WHERE image_cache_id = ?", e.nodeId(), e.status(), e.imageCacheId());
        List<String> answers = jdbc.queryForList("SELECT value FROM image_cache_index, jsonb_each_text(answers) "
                + "WHERE image_cache_id = ?", String.class, e.imageCacheId());
        Integer asked = jdbc.queryForObject("SELECT asked FROM image_cache_index WHERE image_cache_id = ?",
                Integer.class, e.imageCacheId());
        jdbc.update("UPDATE image_cache_index SET status = ? WHERE image_cache_id = ?",
                ImageCache.status(asked == null ? 0 : asked, answers), e.imageCacheId());
    }

    @EventHandler
    void on(ImageCacheDeleted e) {
        jdbc.update("DELETE FROM image_cache_index WHERE image_cache_id = ?", e.imageCacheId());
    }
}
