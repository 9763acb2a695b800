package io.podservice.command.consistency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.podservice.command.infrastructure.AxonEventHistory;
import io.podservice.api.node.NodeToken;
import io.podservice.api.web.ApiResponse;
import io.podservice.events.EventEnvelope;
import io.podservice.events.EventJson;
import io.podservice.events.EventTypes;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * For the query side of a distributed deployment: an aggregate's stored events after a sequence,
 * each with its type and payload as on Kafka. Node token only, outside /v1.
 */
@RestController
class InternalEventHistoryController {

    private final AxonEventHistory history;
    private final NodeToken nodeToken;

    InternalEventHistoryController(AxonEventHistory history, NodeToken nodeToken) {
        this.history = history;
        this.nodeToken = nodeToken;
    }

    /** One stored event: the envelope's identity (its time to the nanosecond) and its payload in the event contract's JSON. */
    record StoredEvent(String eventId, String aggregateId, long sequence, String timestamp, String type,
                       JsonNode payload) {

        private static final ObjectMapper JSON = EventJson.newMapper();

        static StoredEvent of(EventEnvelope event) {
            return new StoredEvent(event.eventId(), event.aggregateId(), event.sequence(), event.timestamp().toString(),
                    EventTypes.nameOf(event.payload().getClass()), JSON.valueToTree(event.payload()));
        }
    }

    record Events(List<StoredEvent> events) {
    }

    @GetMapping("/internal/aggregates/{aggregateId}/events")
    ApiResponse<Events> events(@PathVariable String aggregateId, @RequestParam(defaultValue = "-1") long after,
                               @RequestHeader(value = NodeToken.HEADER, required = false) String token) {
        nodeToken.require(token);
        return ApiResponse.of(new Events(history.after(aggregateId, after).stream().map(StoredEvent::of).toList()));
    }
}
