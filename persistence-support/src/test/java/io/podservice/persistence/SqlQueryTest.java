package io.podservice.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlQueryTest {

    @Test
    void valuesAreBoundInTheOrderOfTheirConditions() {
        SqlQuery q = SqlQuery.where("account_id = ? AND NOT deleted", "acct").andIn("phase", List.of("running", "error"))
                .andIfPresent(null, "az = ?").andIfPresent("cn-north-1a", "az = ?");
        assertThat(q.sql()).isEqualTo("account_id = ? AND NOT deleted AND (phase IN (?, ?)) AND (az = ?)");
        assertThat(q.args()).containsExactly("acct", "running", "error", "cn-north-1a");
    }

    @Test
    void noValueInCommonMatchesNothing() {
        assertThat(SqlQuery.where("TRUE").andIn("phase", List.of()).sql()).isEqualTo("TRUE AND (FALSE)");
        assertThat(SqlQuery.where("TRUE").andAny("tags @> ?::jsonb", List.of()).sql()).isEqualTo("TRUE AND (FALSE)");
    }

    @Test
    void containsMatchesWildcardsAsThemselves() {
        SqlQuery q = SqlQuery.where("TRUE").andContains("name", "50%_a\\b");
        assertThat(q.sql()).isEqualTo("TRUE AND (name LIKE ? ESCAPE '\\')");
        assertThat(q.args()).containsExactly("%50\\%\\_a\\\\b%");
    }

    @Test
    void anyOfSeveralValuesIsOneParenthesisedDisjunction() {
        SqlQuery q = SqlQuery.where("TRUE").andAny("tags @> ?::jsonb", List.of("{\"a\":\"1\"}", "{\"a\":\"2\"}"));
        assertThat(q.sql()).isEqualTo("TRUE AND (tags @> ?::jsonb OR tags @> ?::jsonb)");
        assertThat(q.args()).hasSize(2);
    }
}
