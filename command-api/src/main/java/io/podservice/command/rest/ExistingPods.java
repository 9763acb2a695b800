package io.podservice.command.rest;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Which of some pod ids have been created already: their first event is in the event store. */
@Component
class ExistingPods {

    private final JdbcTemplate jdbc;

    ExistingPods(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Set<String> of(List<String> podIds) {
        if (podIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.queryForList("SELECT aggregate_identifier FROM domain_event_entry WHERE sequence_number = 0 "
                + "AND aggregate_identifier IN (" + String.join(", ", podIds.stream().map(id -> "?").toList()) + ")",
                String.class, podIds.toArray()));
    }
}
