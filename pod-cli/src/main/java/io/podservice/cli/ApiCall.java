package io.podservice.cli;

import io.podservice.signer.CanonicalForms;
import io.podservice.signer.RequestSigner;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** One signed call of the API: method, path under the region, query parameters, JSON body. */
final class ApiCall {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String method;
    private final String path;
    private final Map<String, List<String>> query = new LinkedHashMap<>();
    private byte[] body = new byte[0];
    private String service = "pod";
    private boolean regional = true;

    ApiCall(String method, String path) {
        this.method = method;
        this.path = path;
    }

    /** A path under {@code /v1} itself, not under the profile's region (the operator's account API). */
    ApiCall global() {
        this.regional = false;
        return this;
    }

    /** The service the signature's scope names: {@code pod} (default) or {@code vpc}. */
    ApiCall service(String name) {
        this.service = name;
        return this;
    }

    /** A JSON array of filters ({@code [{"name": ..., "values": [...]}]}) as {@code filters.N.*} parameters. */
    ApiCall filters(String json) throws IOException {
        if (json == null) {
            return this;
        }
        com.fasterxml.jackson.databind.JsonNode array = PodCli.JSON.readTree(PodCli.jsonArgument(json, "--filters"));
        for (int i = 0; i < array.size(); i++) {
            com.fasterxml.jackson.databind.JsonNode filter = array.get(i);
            param("filters." + (i + 1) + ".name", filter.path("name").asText());
            if (filter.has("operator")) {
                param("filters." + (i + 1) + ".operator", filter.path("operator").asText());
            }
            for (int j = 0; j < filter.path("values").size(); j++) {
                param("filters." + (i + 1) + ".values." + (j + 1), filter.path("values").get(j).asText());
            }
        }
        return this;
    }

    ApiCall param(String name, Object value) {
        if (value != null) {
            query.computeIfAbsent(name, k -> new ArrayList<>()).add(value.toString());
        }
        return this;
    }

    ApiCall body(String json) {
        this.body = json.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    /** The request as it will be sent: full URI and the signed headers. */
    record Prepared(URI uri, Map<String, String> headers, byte[] body, String method) {
    }

    Prepared prepare(Profile profile) {
        String queryString = query.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(v -> CanonicalForms.encode(e.getKey(), false) + "=" + CanonicalForms.encode(v, false)))
                .collect(Collectors.joining("&"));
        String endpoint = profile.endpoint().endsWith("/") ? profile.endpoint().substring(0, profile.endpoint().length() - 1)
                : profile.endpoint();
        URI uri = URI.create(endpoint + (regional ? "/v1/regions/" + profile.region() : "/v1") + path
                + (queryString.isEmpty() ? "" : "?" + queryString));
        Map<String, String> headers = new RequestSigner(profile.accessKey(), profile.secretKey(), service)
                .headers(method, uri, query, body, profile.region(), Instant.now());
        return new Prepared(uri, headers, body, method);
    }

    HttpResponse<String> send(Profile profile) throws IOException, InterruptedException {
        Prepared prepared = prepare(profile);
        HttpRequest.Builder request = HttpRequest.newBuilder(prepared.uri()).timeout(Duration.ofSeconds(60))
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        prepared.headers().forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
