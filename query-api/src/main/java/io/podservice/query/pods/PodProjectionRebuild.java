package io.podservice.query.pods;

import io.podservice.query.secrets.SecretProjection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rebuilds the read models from the event store: empties {@code pod_view} (with its totals) and
 * {@code secret_view}, and replays
 * every event in global order through the same projections, in one transaction that
 * holds the table, so readers see either the old model or the rebuilt one and the Kafka consumer
 * (idempotent by aggregate sequence) simply waits. Run it by starting query-api (or the launcher)
 * with {@code pod.query.rebuild-on-start=true}.
 */
@Component
public class PodProjectionRebuild {

    private static final Logger log = LoggerFactory.getLogger(PodProjectionRebuild.class);
    private static final int BATCH = 1000;

    private final JdbcTemplate jdbc;
    private final EventStoreReader eventStore;
    private final PodProjection projection;
    private final SecretProjection secrets;
    private final boolean onStart;

    PodProjectionRebuild(JdbcTemplate jdbc, EventStoreReader eventStore, PodProjection projection,
                         SecretProjection secrets, @Value("${pod.query.rebuild-on-start:false}") boolean onStart) {
        this.jdbc = jdbc;
        this.eventStore = eventStore;
        this.projection = projection;
        this.secrets = secrets;
        this.onStart = onStart;
    }

    @EventListener(ApplicationReadyEvent.class)
    void rebuildIfAsked() {
        if (onStart) {
            rebuild();
        }
    }

    /** @return how many events were replayed */
    @Transactional
    public long rebuild() {
        jdbc.execute("LOCK TABLE pod_view IN ACCESS EXCLUSIVE MODE");
        jdbc.execute("LOCK TABLE pod_view_counts, pod_view_tag_counts IN ACCESS EXCLUSIVE MODE");
        jdbc.execute("LOCK TABLE secret_view IN ACCESS EXCLUSIVE MODE");
        jdbc.execute("TRUNCATE pod_view, pod_view_counts, pod_view_tag_counts, secret_view");
        long replayed = 0;
        long position = -1;
        while (true) {
            EventStoreReader.Batch batch = eventStore.allAfter(position, BATCH);
            if (batch.rows() == 0) {
                break;
            }
            batch.events().forEach(event -> {
                projection.apply(event);
                secrets.apply(event);
            });
            replayed += batch.events().size();
            position = batch.lastIndex();
        }
        log.info("rebuilt pod_view and secret_view from {} events of the event store", replayed);
        return replayed;
    }
}
