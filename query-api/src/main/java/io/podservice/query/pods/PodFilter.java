package io.podservice.query.pods;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.podservice.events.EventJson;
import io.podservice.persistence.SqlQuery;
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

    private static final ObjectMapper TAG_JSON = EventJson.newMapper();

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

    /** The filter's conditions added to {@code query}: exact ones any of their values, fuzzy ones a substring. */
    SqlQuery applyTo(SqlQuery query) {
        exact.forEach((name, values) -> query.andIn(EXACT_COLUMNS.get(name), values));
        for (Tag tag : tags) {
            if (tag.values().isEmpty()) {
                query.and("tags ?? ?", tag.key()); // ?? is the jsonb key-exists operator, escaped for JDBC
            } else {
                // containment, so the GIN index on tags serves it
                query.andAny("tags @> ?::jsonb", tag.values().stream()
                        .map(v -> TAG_JSON.createObjectNode().put(tag.key(), v).toString()).toList());
            }
        }
        fuzzy.forEach((name, value) -> query.andContains(FUZZY_COLUMNS.get(name), value));
        return query;
    }
}
