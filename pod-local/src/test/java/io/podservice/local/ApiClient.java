package io.podservice.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.podservice.signer.RequestSigner;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * An HTTP client of the API as a user's SDK would be: every request signed with JD Cloud's
 * signature v2 by the project's own signer, with a way to tamper with a request after signing.
 */
final class ApiClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String endpoint;
    private final String accessKey;
    private final String secretKey;

    ApiClient(String endpoint, String accessKey, String secretKey) {
        this.endpoint = endpoint;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
    }

    String accessKey() {
        return accessKey;
    }

    String secretKey() {
        return secretKey;
    }

    ApiClient withSecret(String otherSecret) {
        return new ApiClient(endpoint, accessKey, otherSecret);
    }

    Response get(String path) {
        return send("GET", path, null);
    }

    Response post(String path, String json) {
        return send("POST", path, json);
    }

    Response patch(String path, String json) {
        return send("PATCH", path, json);
    }

    Response delete(String path) {
        return send("DELETE", path, null);
    }

    Response send(String method, String path, String json) {
        return send(new Tampering(method, path, json, Instant.now(), null, null, headers -> { }));
    }

    /** A request signed as {@code signed*}, then sent with {@code sent*} where those are given. */
    record Tampering(String method, String signedPath, String signedBody, Instant signedAt, String sentPath,
                     String sentBody, Consumer<Map<String, String>> headerChanges) {
    }

    Response send(Tampering t) {
        byte[] signedBody = t.signedBody() == null ? new byte[0] : t.signedBody().getBytes(StandardCharsets.UTF_8);
        URI signedUri = URI.create(endpoint + t.signedPath());
        Map<String, String> headers = new LinkedHashMap<>(new RequestSigner(accessKey, secretKey, "pod")
                .headers(t.method(), signedUri, io.podservice.signer.SignableRequest.parseQuery(signedUri.getRawQuery()), signedBody,
                        regionOf(t.signedPath()), t.signedAt()));
        t.headerChanges().accept(headers);
        byte[] body = t.sentBody() == null ? signedBody : t.sentBody().getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint + (t.sentPath() == null ? t.signedPath()
                        : t.sentPath())))
                .timeout(Duration.ofSeconds(30))
                .method(t.method(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        if (body.length > 0 && !headers.containsKey("content-type")) {
            request.header("Content-Type", "application/json");
        }
        return send(request.build());
    }

    /** The region a client signs for: the path's, as JD Cloud's clients take it from the request's regionId. */
    private static String regionOf(String path) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^/v1/regions/([^/?]+)").matcher(path);
        return m.find() ? m.group(1) : "cn-north-1";
    }

    /** Sends without any signature. */
    Response unsigned(String method, String path) {
        return send(HttpRequest.newBuilder(URI.create(endpoint + path)).method(method, HttpRequest.BodyPublishers.noBody())
                .build());
    }

    private static Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            boolean json = response.headers().firstValue("Content-Type").orElse("").contains("json");
            JsonNode body = json && !response.body().isEmpty() ? JSON.readTree(response.body()) : JSON.nullNode();
            return new Response(response.statusCode(), body, response.headers().firstValue("x-jdcloud-request-id").orElse(null),
                    response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Response(int status, JsonNode body, String requestIdHeader, String raw) {

        String errorStatus() {
            return body.path("error").path("status").asText();
        }
    }
}
