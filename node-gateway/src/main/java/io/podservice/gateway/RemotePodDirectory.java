package io.podservice.gateway;

import io.podservice.api.node.InternalHttp;
import com.fasterxml.jackson.databind.JsonNode;
import io.podservice.api.node.NodeToken;
import io.podservice.api.node.PodDirectory;
import io.podservice.api.web.ApiException;
import io.podservice.api.web.ErrorStatus;
import io.podservice.events.PodPhase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/** The read side's {@link PodDirectory} over its internal endpoint, for a gateway that runs apart from it. */
public class RemotePodDirectory implements PodDirectory {

    private final RestClient http;

    public RemotePodDirectory(String baseUrl, NodeToken token) {
        this.http = InternalHttp.client(baseUrl, token, Duration.ofSeconds(5));
    }

    @Override
    public Optional<PodPlacement> find(String podId) {
        JsonNode answer;
        try {
            answer = http.get().uri("/internal/pods/{podId}/placement", podId).retrieve().body(JsonNode.class);
        } catch (HttpClientErrorException.NotFound e) {
            return Optional.empty();
        } catch (RestClientException e) {
            throw new ApiException(ErrorStatus.UNAVAILABLE, "The read side does not answer; retry shortly");
        }
        JsonNode pod = answer == null ? null : answer.path("result");
        if (pod == null || pod.isMissingNode()) {
            return Optional.empty();
        }
        List<String> containers = new ArrayList<>();
        pod.path("containers").forEach(c -> containers.add(c.asText()));
        return Optional.of(new PodPlacement(pod.path("podId").asText(), pod.path("accountId").asText(),
                pod.path("regionId").asText(), PodPhase.fromWireName(pod.path("phase").asText()),
                pod.path("deleted").asBoolean(), containers, text(pod, "nodeId"), text(pod, "nodeUrl")));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNull() || value.isMissingNode() ? null : value.asText();
    }
}
