package io.podservice.command.pod;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/** Which of some pod ids have been created already: the event store has events of theirs. */
@Component
class ExistingPods {

    private final EventStore events;

    ExistingPods(EventStore events) {
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
        Set<String> made = new HashSet<>();
        for (String podId : podIds) {
            events.lastSequenceNumberFor(podId).ifPresent(sequence -> made.add(podId));
        }
        return made;
    }
}
