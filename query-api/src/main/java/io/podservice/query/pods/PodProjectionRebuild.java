package io.podservice.query.pods;

import io.podservice.query.ReadModel;
import java.util.List;
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
    private final List<ReadModel> readModels;
    private final boolean onStart;

    PodProjectionRebuild(JdbcTemplate jdbc, EventStoreReader eventStore, List<ReadModel> readModels,
                         @Value("${pod.query.rebuild-on-start:false}") boolean onStart) {
        this.jdbc = jdbc;
        this.eventStore = eventStore;
        this.readModels = readModels;
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
        String tables = String.join(", ", readModels.stream().flatMap(model -> model.tables().stream()).toList());
        jdbc.execute("LOCK TABLE " + tables + " IN ACCESS EXCLUSIVE MODE");
        jdbc.execute("TRUNCATE " + tables);
        long replayed = 0;
        long position = -1;
        while (true) {
            EventStoreReader.Batch batch = eventStore.allAfter(position, BATCH);
            if (batch.rows() == 0) {
                break;
            }
            batch.events().forEach(event -> readModels.forEach(model -> model.apply(event)));
            replayed += batch.events().size();
            position = batch.lastIndex();
        }
        log.info("rebuilt {} from {} events of the event store", tables, replayed);
        return replayed;
    }
}
