package io.podservice.query.consistency;

import io.podservice.api.node.InternalHttp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.podservice.api.consistency.EventHistory;
import io.podservice.api.consistency.WritePositions;
import io.podservice.api.node.NodeToken;
import io.podservice.api.web.ApiException;
import io.podservice.api.web.ErrorStatus;
import io.podservice.events.EventEnvelope;
import io.podservice.events.EventJson;
import io.podservice.events.EventTypes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The command side's write positions and event history over its internal endpoints, for a query-api
 * that runs without command-api in its JVM ({@code pod.query.command-api-url}).
 */
public class RemoteCommandSide implements WritePositions, EventHistory {

    private static final ObjectMapper JSON = EventJson.newMapper();

    private final RestClient http;

    public RemoteCommandSide(String baseUrl, NodeToken token) {
        this.http = InternalHttp.client(baseUrl, token, Duration.ofSeconds(5));
    }

    @Override
    public List<Position> recent(String accountId) {
        List<Position> positions = new ArrayList<>();
        get("/internal/accounts/{accountId}/write-positions", accountId).path("positions").forEach(p -> positions.add(
                new Position(p.path("aggregateId").asText(), p.path("sequence").asLong())));
        return positions;
    }

    @Override
    public List<EventEnvelope> after(String aggregateId, long sequence) {
        List<EventEnvelope> events = new ArrayList<>();
        for (JsonNode e : get("/internal/aggregates/{aggregateId}/events?after=" + sequence, aggregateId)
                .path("events")) {
            EventTypes.classOf(e.path("type").asText()).ifPresent(type -> events.add(new EventEnvelope(
                    e.path("eventId").asText(), e.path("aggregateId").asText(), e.path("sequence").asLong(),
                    Instant.parse(e.path("timestamp").asText()), null, null, null, null, payload(e, type))));
        }
        return events;
    }

    private JsonNode get(String uri, String variable) {
        try {
            JsonNode answer = http.get().uri(uri, variable).retrieve().body(JsonNode.class);
            return answer == null ? JSON.createObjectNode() : answer.path("result");
        } catch (RestClientException e) {
            throw new ApiException(ErrorStatus.UNAVAILABLE, "The command side does not answer; retry shortly");
        }
    }

    private static <T> T payload(JsonNode event, Class<T> type) {
        try {
            return JSON.treeToValue(event.path("payload"), type);
        } catch (IOException e) {
            throw new UncheckedIOException("the command side sent an unreadable " + type.getSimpleName(), e);
        }
    }
}
