package io.podservice.query.consistency;

import com.fasterxml.jackson.databind.JsonNode;
import io.podservice.api.consistency.WritePositions;
import io.podservice.api.node.NodeToken;
import io.podservice.api.web.ApiException;
import io.podservice.api.web.ErrorStatus;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The command side's write positions over its internal endpoint, for a query-api that runs
 * without command-api in its JVM ({@code pod.query.command-api-url}).
 */
class RemoteWritePositions implements WritePositions {

    private final RestClient http;

    RemoteWritePositions(String baseUrl, NodeToken token) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build());
        requests.setReadTimeout(Duration.ofSeconds(3));
        this.http = RestClient.builder().requestFactory(requests).baseUrl(baseUrl)
                .defaultHeader(NodeToken.HEADER, token.value()).build();
    }

    @Override
    public List<Position> recent(String accountId) {
        try {
            JsonNode answer = http.get().uri("/internal/accounts/{accountId}/write-positions", accountId).retrieve()
                    .body(JsonNode.class);
            List<Position> positions = new ArrayList<>();
            if (answer != null) {
                answer.path("result").path("positions").forEach(p -> positions.add(
                        new Position(p.path("aggregateId").asText(), p.path("sequence").asLong())));
            }
            return positions;
        } catch (RestClientException e) {
            throw new ApiException(ErrorStatus.UNAVAILABLE, "The command side does not answer; retry shortly");
        }
    }
}
