package io.podservice.persistence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * A WHERE clause built from a list's filters, with every value bound (never spliced into the SQL),
 * and the count and page queries of a describe-list operation. Column names and conditions are the
 * caller's own constants; only values come from requests.
 *
 * <pre>{@code
 * SqlQuery q = SqlQuery.where("account_id = ? AND NOT deleted", accountId).andIn("phase", phases)
 *         .andContains("name", nameFilter);
 * long total = q.count(jdbc, "pod_view");
 * List<Pod> page = q.page(jdbc, "SELECT * FROM pod_view", "create_time DESC, pod_id", 20, 0, mapper);
 * }</pre>
 */
public final class SqlQuery {

    private final StringBuilder where;
    private final List<Object> args;

    private SqlQuery(String condition, Object... args) {
        this.where = new StringBuilder(condition);
        this.args = new ArrayList<>(Arrays.asList(args));
    }

    /** The first condition, with its {@code ?} values. */
    public static SqlQuery where(String condition, Object... args) {
        return new SqlQuery(condition, args);
    }

    /** One more condition, with its {@code ?} values. */
    public SqlQuery and(String condition, Object... values) {
        where.append(" AND (").append(condition).append(')');
        args.addAll(Arrays.asList(values));
        return this;
    }

    /** {@link #and} only when {@code value} is given (a list's optional filter). */
    public SqlQuery andIfPresent(Object value, String condition) {
        return value == null ? this : and(condition, value);
    }

    /** {@code column} is one of {@code values}; none matches nothing (a filter given twice with no value in common). */
    public SqlQuery andIn(String column, Collection<?> values) {
        if (values.isEmpty()) {
            return and("FALSE");
        }
        return and(column + " IN (" + String.join(", ", values.stream().map(v -> "?").toList()) + ")",
                values.toArray());
    }

    /** Any one of {@code conditions} (each with one {@code ?}, for the matching value of {@code values}). */
    public SqlQuery andAny(String condition, Collection<?> values) {
        if (values.isEmpty()) {
            return and("FALSE");
        }
        return and(String.join(" OR ", values.stream().map(v -> condition).toList()), values.toArray());
    }

    /** {@code column} contains {@code text} as it is ({@code %}, {@code _} and {@code \} match themselves). */
    public SqlQuery andContains(String column, String text) {
        return and(column + " LIKE ? ESCAPE '\\'",
                "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
    }

    /** The condition, without the word WHERE. */
    public String sql() {
        return where.toString();
    }

    public Object[] args() {
        return args.toArray();
    }

    /** How many rows of {@code table} match. */
    public long count(JdbcTemplate jdbc, String table) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE " + where, Long.class, args());
        return count == null ? 0 : count;
    }

    /** One page of {@code select} (a SELECT ... FROM without WHERE), matching rows in {@code orderBy}'s order. */
    public <T> List<T> page(JdbcTemplate jdbc, String select, String orderBy, int limit, long offset,
                            RowMapper<T> mapper) {
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(limit);
        pageArgs.add(offset);
        return jdbc.query(select + " WHERE " + where + " ORDER BY " + orderBy + " LIMIT ? OFFSET ?", mapper,
                pageArgs.toArray());
    }
}
