package io.podservice.query.pods;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.podservice.events.ContainerStatusReport;
import io.podservice.events.EventJson;
import io.podservice.events.PodDefinition;
import io.podservice.events.PodPhase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import io.podservice.persistence.SqlQuery;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** The {@code pod_view} table. */
@Repository
public class PodViewRepository {

    private static final ObjectMapper JSON = EventJson.newMapper();
    private static final TypeReference<List<ContainerStatusReport>> STATUSES = new TypeReference<>() { };
    private static final String COLUMNS = "pod_id, account_id, region_id, phase, reason, message, pod_ip, start_time, "
            + "create_time, definition, container_statuses, deleted, ready, ready_since, last_sequence, last_event_time, "
            + "node_id, node_url";

    private static final long DEFERRED_JOIN_OFFSET = 2000;

    private final JdbcTemplate jdbc;
    private final PodCounts counts;

    PodViewRepository(JdbcTemplate jdbc, PodCounts counts) {
        this.jdbc = jdbc;
        this.counts = counts;
    }

    public Optional<PodView> find(String podId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM pod_view WHERE pod_id = ?", PodViewRepository::map, podId)
                .stream().findFirst();
    }

    /**
     * One page of an account's live pods in a region matching {@code filter}, newest first, ties by
     * pod id, with the total of the same filter; both read in one snapshot.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Page page(String accountId, String regionId, PodFilter filter, int pageNumber, int pageSize) {
        SqlQuery query = filter.applyTo(SqlQuery.where("account_id = ? AND region_id = ? AND NOT deleted", accountId,
                regionId));
        long total = counts.total(accountId, regionId, filter).orElseGet(() -> query.count(jdbc, "pod_view"));
        if (total <= (long) (pageNumber - 1) * pageSize) {
            return new Page(List.of(), total);
        }
        long offset = (long) (pageNumber - 1) * pageSize;
        if (offset < DEFERRED_JOIN_OFFSET) {
            // shallow pages read the few rows directly, which the planner does best as a plain index scan
            return new Page(query.page(jdbc, "SELECT " + COLUMNS + " FROM pod_view", "create_time DESC, pod_id",
                    pageSize, offset, PodViewRepository::map), total);
        }
        // deep pages: the ids come from the index alone and only the page's rows are read in full
        List<Object> pageArgs = new java.util.ArrayList<>(List.of(query.args()));
        pageArgs.add(pageSize);
        pageArgs.add(offset);
        String sql = "SELECT " + COLUMNS + " FROM pod_view JOIN (SELECT pod_id FROM pod_view WHERE " + query.sql()
                + " ORDER BY create_time DESC, pod_id LIMIT ? OFFSET ?) page USING (pod_id)"
                + " ORDER BY create_time DESC, pod_id";
        List<PodView> pods = jdbc.query(sql, PodViewRepository::map, pageArgs.toArray());
        return new Page(pods, total);
    }

    public boolean nameInUse(String accountId, String regionId, String name) {
        Boolean used = jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM pod_view WHERE account_id = ? AND region_id = ? "
                + "AND name = ? AND NOT deleted)", Boolean.class, accountId, regionId, name);
        return Boolean.TRUE.equals(used);
    }

    public record Page(List<PodView> pods, long totalCount) {
    }

    /** The row locked for update until the surrounding transaction ends. */
    Optional<PodView> lock(String podId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM pod_view WHERE pod_id = ? FOR UPDATE", PodViewRepository::map, podId)
                .stream().findFirst();
    }

    /** Inserts the row unless it is there already (a redelivered creation); returns whether it inserted. */
    boolean insert(PodView view) {
        boolean inserted = jdbc.update("""
                INSERT INTO pod_view (pod_id, account_id, region_id, name, description, az, instance_type, phase, reason,
                                      message, pod_ip, start_time, create_time, definition, container_statuses, deleted,
                                      last_sequence, last_event_time, projected_at, ag_id, tags, container_count,
                                      vpc_id, subnet_id, elastic_ip_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, now(), ?, ?::jsonb, ?, ?, ?, ?)
                ON CONFLICT (pod_id) DO NOTHING""",
                view.podId(), view.accountId(), view.regionId(), view.definition().name(), view.definition().description(),
                view.definition().az(),
                view.definition().instanceType(), view.phase().wireName(), view.reason(), view.message(), view.podIp(),
                timestamp(view.startTime()), timestamp(view.createTime()), json(view.definition()),
                json(view.containerStatuses()), view.deleted(), view.lastSequence(),
                timestamp(view.lastEventTime()), view.definition().agId(), json(view.definition().userTags()),
                view.definition().containers().size(), vpcId(view), subnetId(view), elasticIpId(view)) == 1;
        if (inserted && !view.deleted()) {
            counts.add(view, 1);
        }
        return inserted;
    }

    /** Writes the row's new state; {@code before} is the row as it was, for the totals. */
    void update(PodView before, PodView view) {
        if (!before.deleted()) {
            counts.add(before, -1);
        }
        if (!view.deleted()) {
            counts.add(view, 1);
        }
        jdbc.update("""
                UPDATE pod_view SET name = ?, description = ?, phase = ?, reason = ?, message = ?, pod_ip = ?,
                                    start_time = ?, definition = ?::jsonb, container_statuses = ?::jsonb, deleted = ?,
                                    ready = ?, ready_since = ?, last_sequence = ?, last_event_time = ?, projected_at = now(),
                                    container_count = ?, node_id = ?, node_url = ?, elastic_ip_id = ?, instance_type = ?
                 WHERE pod_id = ?""",
                view.definition().name(), view.definition().description(), view.phase().wireName(), view.reason(),
                view.message(), view.podIp(), timestamp(view.startTime()), json(view.definition()),
                json(view.containerStatuses()), view.deleted(), view.ready(), timestamp(view.readySince()),
                view.lastSequence(), timestamp(view.lastEventTime()), view.definition().containers().size(), view.nodeId(),
                view.nodeUrl(), elasticIpId(view), view.definition().instanceType(), view.podId());
    }

    private static String vpcId(PodView view) {
        return view.definition().network() == null ? null : view.definition().network().vpcId();
    }

    private static String subnetId(PodView view) {
        return view.definition().network() == null ? null : view.definition().network().subnetId();
    }

    private static String elasticIpId(PodView view) {
        return view.definition().elasticIp() == null ? null : view.definition().elasticIp().elasticIpId();
    }

    private static PodView map(ResultSet rs, int row) throws SQLException {
        try {
            return new PodView(
                    rs.getString("pod_id"),
                    rs.getString("account_id"),
                    rs.getString("region_id"),
                    PodPhase.fromWireName(rs.getString("phase")),
                    rs.getString("reason"),
                    rs.getString("message"),
                    rs.getString("pod_ip"),
                    instant(rs.getTimestamp("start_time")),
                    instant(rs.getTimestamp("create_time")),
                    JSON.readValue(rs.getString("definition"), PodDefinition.class),
                    JSON.readValue(rs.getString("container_statuses"), STATUSES),
                    rs.getBoolean("deleted"),
                    rs.getBoolean("ready"),
                    instant(rs.getTimestamp("ready_since")),
                    rs.getLong("last_sequence"),
                    instant(rs.getTimestamp("last_event_time")),
                    rs.getString("node_id"),
                    rs.getString("node_url"));
        } catch (IOException e) {
            throw new UncheckedIOException("pod_view row " + rs.getString("pod_id") + " holds unreadable JSON", e);
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
