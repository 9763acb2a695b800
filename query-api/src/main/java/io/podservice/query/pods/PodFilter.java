package io.podservice.query.pods;

import java.util.List;
import java.util.Map;

/**
 * describePods' filters as SQL: exact filters match any of their values, fuzzy ones match a
 * substring of their single value. Values are always bound, never spliced into the SQL.
 */
public record PodFilter(Map<String, List<String>> exact, Map<String, String> fuzzy, List<Tag> tags) {

    /** A tag filter: pods with the key, or with the key and one of the values. */
    public record Tag(String key, List<String> values) {
    }

    /** Filter name to column, for the filters this version knows. */
    public static final Map<String, String> EXACT_COLUMNS = Map.of("podId", "pod_id", "phase", "phase", "az", "az",
            "agId", "ag_id", "vpcId", "vpc_id", "subnetId", "subnet_id");
    public static final Map<String, String> FUZZY_COLUMNS = Map.of("name", "name", "privateIpAddress", "pod_ip");

    /** Whether only phase and az (or nothing) are filtered: the totals table answers those. */
    boolean onlyPhaseAndAz() {
        return fuzzy.isEmpty() && tags.isEmpty() && exact.keySet().stream().allMatch(k -> k.equals("phase") || k.equals("az"));
    }

    /** Whether the filter is a single tag filter and nothing else: the tag totals table answers it. */
    boolean onlyOneTag() {
        return fuzzy.isEmpty() && exact.isEmpty() && tags.size() == 1;
    }

    void appendTo(StringBuilder where, List<Object> args) {
        exact.forEach((name, values) -> {
            if (values.isEmpty()) {
                // the same filter given twice with no value in common: nothing matches
                where.append(" AND FALSE");
                return;
            }
            where.append(" AND ").append(EXACT_COLUMNS.get(name)).append(" IN (")
                    .append(String.join(", ", values.stream().map(v -> "?").toList())).append(')');
            args.addAll(values);
        });
        for (Tag tag : tags) {
            if (tag.values().isEmpty()) {
                where.append(" AND tags ?? ?"); // ?? is the jsonb key-exists operator, escaped for JDBC
                args.add(tag.key());
            } else {
                // containment, so the GIN index on tags serves it
                where.append(" AND (").append(String.join(" OR ", tag.values().stream().map(v -> "tags @> ?::jsonb").toList()))
                        .append(')');
                tag.values().forEach(v -> args.add(io.podservice.events.EventJson.newMapper().createObjectNode()
                        .put(tag.key(), v).toString()));
            }
        }
        fuzzy.forEach((name, value) -> {
            where.append(" AND ").append(FUZZY_COLUMNS.get(name)).append(" LIKE ? ESCAPE '\\'");
            args.add("%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        });
    }
}
