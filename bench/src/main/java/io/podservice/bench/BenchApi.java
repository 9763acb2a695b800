package io.podservice.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.podservice.signer.RequestSigner;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The service's API as the benchmarks call it: every request signed with JD Cloud's signature, timed. */
final class BenchApi {

    static final String REGION = "cn-north-1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI endpoint;
    private final RequestSigner signer;

    BenchApi(URI endpoint, String accessKey, String secretKey) {
        this.endpoint = endpoint;
        this.signer = new RequestSigner(accessKey, secretKey, "pod");
    }

    /** The API as the profile in {@code credentials} (the launcher's credentials file) says, at {@code endpoint} if given. */
    static BenchApi of(Path credentials, String endpoint) throws IOException {
        Map<String, String> profile = profile(credentials);
        return new BenchApi(URI.create(endpoint != null ? endpoint : profile.get("endpoint")), profile.get("access_key"),
                profile.get("secret_key"));
    }

    URI endpoint() {
        return endpoint;
    }

    record Answer(int status, JsonNode body, double millis) {
    }

    /** {@code method} on {@code /v1/regions/cn-north-1 + path}, signed; {@code json} null for no body. */
    Answer call(String method, String path, String json) {
        URI uri = endpoint.resolve("/v1/regions/" + REGION + path);
        byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        Map<String, List<String>> query = io.podservice.signer.SignableRequest.parseQuery(uri.getRawQuery());
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        signer.headers(method, uri, query, body, REGION, Instant.now()).forEach((k, v) -> {
            if (!k.equalsIgnoreCase("host")) {
                request.header(k, v);
            }
        });
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            double millis = (System.nanoTime() - start) / 1e6;
            return new Answer(response.statusCode(),
                    response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body()), millis);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + uri + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code --name=value} arguments. */
    static Map<String, String> options(String[] args, String usage) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else {
                throw new IllegalArgumentException("unknown argument " + arg + " (use " + usage + ")");
            }
        }
        return options;
    }

    static Map<String, String> profile(Path credentials) throws IOException {
        Map<String, String> profile = new LinkedHashMap<>();
        for (String line : Files.readAllLines(credentials)) {
            int eq = line.indexOf('=');
            if (!line.startsWith("#") && eq > 0) {
                profile.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        return profile;
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Writes {@code table} between the markers {@code <!-- name:begin -->} and {@code <!-- name:end -->} of {@code file}. */
    static void write(Path file, String name, String heading, String table) throws IOException {
        String begin = "<!-- " + name + ":begin -->";
        String end = "<!-- " + name + ":end -->";
        String doc = Files.exists(file) ? Files.readString(file) : "";
        String block = begin + "\n" + table + end;
        if (doc.contains(begin) && doc.contains(end)) {
            doc = doc.substring(0, doc.indexOf(begin)) + block + doc.substring(doc.indexOf(end) + end.length());
        } else {
            doc = doc + "\n## " + heading + "\n\n" + block + "\n";
        }
        Files.writeString(file, doc);
    }
}
