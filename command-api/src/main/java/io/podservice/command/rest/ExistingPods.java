package io.podservice.command.rest;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Which of some pod ids have been created already: their first event is in the event store. */
@Component
class ExistingPods {

    private final JdbcTemplate jdbc;
    private final EventStore events;

    ExistingPods(JdbcTemplate jdbc, EventStore events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * A clientToken replayed with other parameters is an error (as cloud APIs answer a mismatched
     * idempotency token), not a silent answer with the first request's pods.
     */
    void requireSameRequest(Set<String> made, String digest) {
        for (String podId : made) {
            String recorded = events.readEvents(podId).asStream().map(m -> m.getPayload())
                    .filter(io.podservice.events.PodCreated.class::isInstance)
                    .map(p -> ((io.podservice.events.PodCreated) p).definition().clientTokenDigest())
                    .findFirst().orElse(null);
            if (recorded != null && !recorded.equals(digest)) {
                throw io.podservice.api.web.ApiException.invalidArgument("Invalid clientToken: it was used by an earlier "
                        + "createPods request with other parameters; use a new clientToken for a different request");
            }
        }
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
