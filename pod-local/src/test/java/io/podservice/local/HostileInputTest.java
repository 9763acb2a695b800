package io.podservice.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a hostile prober sent, each answered with a 4xx naming the problem, never a 5xx: NUL bytes,
 * absurd filter indexes, contradictory filters, odd content types and charsets, malformed escapes
 * before the signature is checked, over-long or blank nonces, leniently typed or trailing JSON,
 * bulk bodies, a scope of another region, a clientToken reused for another request, and a request
 * line too long for the HTTP server (still answered in the API's envelope).
 */
class HostileInputTest extends ServiceTest {

    private static final String PODS = "/v1/regions/" + REGION + "/pods";

    @Test
    void nulBytesAnswer400() {
        assertStatus(api().get(PODS + "?filters.1.name=name&filters.1.values.1=a%00b"), 400, "NUL");
        assertStatus(api().post(PODS, pod("\"description\": \"a\\u0000b\"")), 400, "NUL");
    }

    @Test
    void filterIndexesAreBounded() {
        assertStatus(api().get(PODS + "?filters.99999999999.name=phase&filters.99999999999.values.1=running"), 400,
                "filters.99999999999.name");
        assertStatus(api().get(PODS + "?filters.0.name=phase&filters.0.values.1=running"), 400, "filters.0.name");
    }

    @Test
    void theSameFilterTwiceWithNothingInCommonMatchesNothing() {
        ApiClient.Response response = api().get(PODS + "?filters.1.name=podId&filters.1.values.1=pod-a"
                + "&filters.2.name=podId&filters.2.values.1=pod-b");
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        assertThat(response.body().path("result").path("totalCount").asLong()).isZero();
    }

    @Test
    void aBodyMustBeJsonInUtf8() {
        assertStatus(withContentType("*/*"), 400, "application/json");
        assertStatus(withContentType("text/plain"), 400, "application/json");
        assertStatus(withContentType("application/json; charset=ISO-8859-1"), 400, "UTF-8");
    }

    /** Sent on a raw socket: Java's URI refuses to build the malformed escape the prober sent. */
    @Test
    void aMalformedEscapeAnswers400BeforeTheSignatureIsChecked() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            String request = "GET " + PODS + "?pageSize=%ZZ HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                    + "Authorization: JDCLOUD2-HMAC-SHA256 Credential=AK/20261130/cn-north-1/pod/jdcloud2_request, "
                    + "SignedHeaders=host, Signature=" + "0".repeat(64) + "\r\n"
                    + "x-jdcloud-date: 20261130T000000Z\r\nx-jdcloud-nonce: n\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 400").contains("INVALID_ARGUMENT").contains("pageSize");
        }
    }

    /** Refused by Tomcat before any filter runs (over server.max-http-request-header-size): still the API's envelope. */
    @Test
    void anOverlongRequestLineAnswersInTheApisEnvelope() throws Exception {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + PODS + "?x="
                        + "a".repeat(9000))).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode body = readJson(response.body());
        assertThat(body.path("requestId").asText()).hasSize(32);
        assertThat(body.path("error").path("status").asText()).isEqualTo("INVALID_ARGUMENT");
        assertThat(body.path("error").path("message").asText()).contains("max-http-request-header-size");
    }

    @Test
    void nonceScopeAndDateAreChecked() {
        assertStatus(api().send(tampered(headers -> headers.put("x-jdcloud-nonce", "n".repeat(200)))), 401, "nonce");
        assertStatus(api().send(tampered(headers -> headers.put("x-jdcloud-nonce", "  "))), 401, "nonce");
        assertStatus(api().send(tampered(headers -> headers.put("Authorization",
                headers.get("Authorization").replace("/cn-north-1/", "/cn-east-2/")))), 401, "region");
    }

    @Test
    void jsonIsReadStrictly() {
        assertStatus(api().post(PODS, pod("\"description\": 12345")), 400, "podSpec.description");
        assertStatus(api().post(PODS, "{\"maxCount\": \"\", \"podSpec\": " + podSpec("") + "}"), 400, "maxCount");
        assertStatus(api().post(PODS, "{\"podSpec\": " + podSpec("") + "} trailing"), 400, "JSON");
        assertStatus(api().post(PODS, "{\"podSpec\": " + podSpec("") + "}{\"podSpec\": {}}"), 400, "JSON");
        assertStatus(api().post(PODS, "{\"podSpec\": " + podSpec("") + ", \"podSpec\": " + podSpec("") + "}"), 400,
                "podSpec");
    }

    @Test
    void bulkBodiesAreRefusedNamingTheLimit() {
        StringBuilder env = new StringBuilder("[");
        for (int i = 0; i < 10_000; i++) {
            env.append(i == 0 ? "" : ",").append("{\"name\": \"V").append(i).append("\", \"value\": \"x\"}");
        }
        String bulkEnv = """
                {"podSpec": {"name": "bulk", "instanceType": "g.n2.medium",
                 "containers": [{"name": "app", "image": "%s", "env": %s}]}}""".formatted(IMAGE, env + "]");
        assertStatus(api().post(PODS, bulkEnv), 400, "podSpec.containers[0].env");
        StringBuilder tags = new StringBuilder("[");
        for (int i = 0; i < 5_000; i++) {
            tags.append(i == 0 ? "" : ",").append("{\"key\": \"k").append(i).append("\", \"value\": \"v\"}");
        }
        assertStatus(api().post(PODS, pod("\"userTags\": " + tags + "]")), 400, "podSpec.userTags");
    }

    @Test
    void aClientTokenReusedForAnotherRequestIsAnError() {
        String token = "hostile-" + TestRun.ID;
        ApiClient.Response first = api().post(PODS, "{\"clientToken\": \"" + token + "\", \"podSpec\": "
                + podSpec("\"description\": \"first\"") + "}");
        assertThat(first.status()).as(first.raw()).isEqualTo(200);
        String podId = first.body().path("result").path("podIds").get(0).asText();
        ApiClient.Response same = api().post(PODS, "{\"clientToken\": \"" + token + "\", \"podSpec\": "
                + podSpec("\"description\": \"first\"") + "}");
        assertThat(same.body().path("result").path("podIds").get(0).asText()).as("the same request: the same pod")
                .isEqualTo(podId);
        assertStatus(api().post(PODS, "{\"clientToken\": \"" + token + "\", \"podSpec\": "
                + podSpec("\"description\": \"second\"") + "}"), 400, "clientToken");
        awaitPhase(podId, "running", "error");
        api().delete(PODS + "/" + podId);
    }

    private ApiClient.Response withContentType(String type) {
        return api().send(new ApiClient.Tampering("POST", PODS, pod(""), Instant.now(), null, null,
                headers -> headers.put("content-type", type)));
    }

    private static ApiClient.Tampering tampered(java.util.function.Consumer<Map<String, String>> change) {
        return new ApiClient.Tampering("GET", PODS, null, Instant.now(), null, null, change);
    }

    private static String pod(String extra) {
        return "{\"podSpec\": " + podSpec(extra) + "}";
    }

    private static String podSpec(String extra) {
        return """
                {"name": "hostile", "instanceType": "g.n2.medium", "terminationGracePeriodSeconds": 0,%s
                 "containers": [{"name": "app", "image": "%s", "command": ["sleep", "3600"]}]}"""
                .formatted(extra.isEmpty() ? "" : " " + extra + ",", IMAGE);
    }

    private static void assertStatus(ApiClient.Response response, int status, String named) {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.body().path("error").path("message").asText()).as(response.raw()).contains(named);
    }
}
