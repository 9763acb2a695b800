package io.podservice.query.pods;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Exact describePods totals without counting rows: live pods per account, region, phase and
 * zone, and per tag, kept by the projection in the same transaction as {@code pod_view}. A total
 * over 100,000 pods is then a sum over a handful of rows instead of a scan of 100,000 index entries.
 */
@Component
class PodCounts {

    private final JdbcTemplate jdbc;

    PodCounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void add(PodView view, int delta) {
        jdbc.update("""
                INSERT INTO pod_view_counts (account_id, region_id, phase, az, pods) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (account_id, region_id, phase, az) DO UPDATE SET pods = pod_view_counts.pods + EXCLUDED.pods""",
                view.accountId(), view.regionId(), view.phase().wireName(), az(view), delta);
        for (Map.Entry<String, String> tag : view.definition().userTags().entrySet()) {
            jdbc.update("""
                    INSERT INTO pod_view_tag_counts (account_id, region_id, tag_key, tag_value, pods) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (account_id, region_id, tag_key, tag_value)
                    DO UPDATE SET pods = pod_view_tag_counts.pods + EXCLUDED.pods""",
                    view.accountId(), view.regionId(), tag.getKey(), tag.getValue(), delta);
        }
    }

    /** The total for filters the tables can answer; empty for any other filter. */
    Optional<Long> total(String accountId, String regionId, PodFilter filter) {
        List<Object> args = new ArrayList<>(List.of(accountId, regionId));
        StringBuilder sql;
        if (filter.onlyPhaseAndAz()) {
            sql = new StringBuilder("SELECT COALESCE(sum(pods), 0) FROM pod_view_counts WHERE account_id = ? AND region_id = ?");
            filter.exact().forEach((name, values) -> {
                sql.append(" AND ").append(name.equals("phase") ? "phase" : "az").append(" IN (")
                        .append(String.join(", ", values.stream().map(v -> "?").toList())).append(')');
                args.addAll(values);
            });
        } else if (filter.onlyOneTag()) {
            PodFilter.Tag tag = filter.tags().get(0);
            sql = new StringBuilder("SELECT COALESCE(sum(pods), 0) FROM pod_view_tag_counts "
                    + "WHERE account_id = ? AND region_id = ? AND tag_key = ?");
            args.add(tag.key());
            if (!tag.values().isEmpty()) {
                sql.append(" AND tag_value IN (").append(String.join(", ", tag.values().stream().map(v -> "?").toList()))
                        .append(')');
                args.addAll(tag.values());
            }
        } else {
            return Optional.empty();
        }
        return Optional.ofNullable(jdbc.queryForObject(sql.toString(), Long.class, args.toArray()));
    }

    private static String az(PodView view) {
        return view.definition().az() == null ? "" : view.definition().az();
    }
}
