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
import java.util.Optional;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The command side's node-only endpoints ({@code /internal/...} at {@code pod.worker.key-service-url},
 * by default this machine's API port), authenticated with the node token ({@code pod.node-token}).
 */
@Component
public class CommandSideClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Environment environment;
    private final NodeToken nodeToken;

    CommandSideClient(Environment environment, NodeToken nodeToken) {
        this.environment = environment;
        this.nodeToken = nodeToken;
    }

    /** The answer's {@code result}, or empty when the command side says 404. */
    public Optional<JsonNode> get(String path, String what) {
        return send(request(path).GET().build(), what);
    }

    /**
     * Posts {@code body} as JSON; the answer's {@code result}. A 404 is a failure here: the command
     * side answers every node report it knows the path of (a report that no longer matters too), so a
     * 404 says {@code pod.worker.key-service-url} is not the command API's, and the report is not delivered.
     */
    public JsonNode post(String path, Object body, String what) {
        try {
            return send(request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(EventJson.newMapper().writeValueAsBytes(body))).build(),
                    what).orElseThrow(() -> new IllegalStateException("the command side at " + base() + " has no "
                    + path + " for " + what + ": is pod.worker.key-service-url the command API's URL?"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base() + path))
                .timeout(Duration.ofSeconds(10))
                .header(NodeToken.HEADER, nodeToken.value());
    }

    private String base() {
        return environment.getProperty("pod.worker.key-service-url",
                "http://127.0.0.1:" + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080")));
    }

    private Optional<JsonNode> send(HttpRequest request, String what) {
        String base = base();
        try {
            HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 404) {
                return Optional.empty();
            }
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the command side answered " + response.statusCode() + " for " + what);
            }
            return Optional.of(EventJson.newMapper().readTree(response.body()).path("result"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach the command side at " + base + " for " + what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching " + what, e);
        }
    }
}
