package io.podservice.worker.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.podservice.api.node.NodeToken;
import io.podservice.events.EventJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Fetches a secret's data key from the command side at pull time ({@code pod.worker.key-service-url},
 * by default this machine's API port), authenticated with the node token ({@code pod.node-token}).
 * Keys are never cached or logged: each pull asks again, so a deleted secret stops working at once.
 */
@Component
public class DataKeyClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Environment environment;
    private final NodeToken nodeToken;

    DataKeyClient(Environment environment, NodeToken nodeToken) {
        this.environment = environment;
        this.nodeToken = nodeToken;
    }

    /** The key, or empty when it no longer exists (its secret was deleted). */
    public Optional<byte[]> fetch(String keyId) {
        String base = environment.getProperty("pod.worker.key-service-url",
                "http://127.0.0.1:" + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080")));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/internal/data-keys/" + keyId))
                .timeout(Duration.ofSeconds(10))
                .header(NodeToken.HEADER, nodeToken.value())
                .GET().build();
        try {
            HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 404) {
                return Optional.empty();
            }
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the key service answered " + response.statusCode());
            }
            JsonNode body = EventJson.newMapper().readTree(response.body());
            return Optional.of(Base64.getDecoder().decode(body.path("result").path("key").asText()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach the key service at " + base, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching a data key", e);
        }
    }
}
