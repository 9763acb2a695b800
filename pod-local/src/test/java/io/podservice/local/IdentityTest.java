package io.podservice.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.podservice.cli.PodCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Signed requests, accounts and isolation, through the real front door. */
class IdentityTest extends ServiceTest {

    private static final String PODS = "/v1/regions/" + REGION + "/pods";

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aGoodSignaturePasses() {
        ApiClient.Response response = api().get(PODS + "?pageSize=10&filters.1.name=phase&filters.1.values.1=running");
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        assertThat(response.body().path("result").has("totalCount")).isTrue();
    }

    @Test
    void aRequestWithoutSignatureAnswers401() {
        ApiClient.Response response = api().unsigned("GET", PODS);
        assertUnauthenticated(response, "Missing Authorization header");
    }

    @Test
    void aWrongSecretAnswers401() {
        assertUnauthenticated(api().withSecret("not-the-secret").get(PODS), "signature does not match");
    }

    @Test
    void aChangedBodyAnswers401() {
        String signed = "{\"podSpec\": {\"name\": \"a\", \"instanceType\": \"g.n2.medium\","
                + " \"containers\": [{\"name\": \"c\", \"image\": \"" + IMAGE + "\"}]}}";
        String sent = signed.replace("\"a\"", "\"b\"");
        ApiClient.Response response = api().send(new ApiClient.Tampering("POST", PODS, signed, Instant.now(), null, sent,
                headers -> { }));
        assertUnauthenticated(response, "signature does not match");
    }

    @Test
    void aChangedPathAnswers401() {
        ApiClient.Response response = api().send(new ApiClient.Tampering("GET", PODS + "/pod-aaaaaaaaaa", null,
                Instant.now(), PODS + "/pod-bbbbbbbbbb", null, headers -> { }));
        assertUnauthenticated(response, "signature does not match");
    }

    @Test
    void aChangedQueryAnswers401() {
        ApiClient.Response response = api().send(new ApiClient.Tampering("GET", PODS + "?pageSize=10", null,
                Instant.now(), PODS + "?pageSize=20", null, headers -> { }));
        assertUnauthenticated(response, "signature does not match");
    }

    @Test
    void anOldDateAnswers401() {
        ApiClient.Response response = api().send(new ApiClient.Tampering("GET", PODS, null,
                Instant.now().minus(Duration.ofMinutes(6)), null, null, headers -> { }));
        assertUnauthenticated(response, "more than 5 minutes");
    }

    @Test
    void aReplayedNonceAnswers401() {
        Map<String, String>[] captured = new Map[1];
        Instant now = Instant.now();
        ApiClient.Response first = api().send(new ApiClient.Tampering("GET", PODS, null, now, null, null,
                headers -> captured[0] = Map.copyOf(headers)));
        assertThat(first.status()).isEqualTo(200);
        // the very same signed request again: same date, nonce and signature
        ApiClient.Response replay = api().send(new ApiClient.Tampering("GET", PODS, null, now, null, null,
                headers -> {
                    headers.clear();
                    headers.putAll(captured[0]);
                }));
        assertUnauthenticated(replay, "already used");
    }

    @Test
    void accountsNeitherSeeNorTouchEachOthersPods() {
        String mine = createPod("""
                {"name": "mine", "instanceType": "g.n2.medium",
                 "containers": [{"name": "app", "image": "%s", "command": ["sleep", "3600"]}]}""".formatted(IMAGE));
        ApiClient.Response theirs = otherApi().post(PODS, """
                {"podSpec": {"name": "theirs", "instanceType": "g.n2.medium",
                 "containers": [{"name": "app", "image": "%s", "command": ["sleep", "3600"]}]}}""".formatted(IMAGE));
        assertThat(theirs.status()).as(theirs.raw()).isEqualTo(200);
        String theirId = theirs.body().path("result").path("podIds").get(0).asText();
        awaitPhase(mine, "running");

        for (ApiClient.Response response : List.of(
                otherApi().get(PODS + "/" + mine),
                otherApi().post(PODS + "/" + mine + ":stopPod", null),
                otherApi().delete(PODS + "/" + mine),
                api().get(PODS + "/" + theirId),
                api().post(PODS + "/" + theirId + ":stopPod", null),
                api().delete(PODS + "/" + theirId))) {
            assertThat(response.status()).as(response.raw()).isEqualTo(404);
            assertThat(response.errorStatus()).isEqualTo("NOT_FOUND");
        }
        // a missing pod answers exactly the same
        ApiClient.Response missing = otherApi().get(PODS + "/pod-zzzzzzzzzz");
        assertThat(missing.status()).isEqualTo(404);

        assertThat(podIdsListedBy(api())).contains(mine).doesNotContain(theirId);
        assertThat(podIdsListedBy(otherApi())).contains(theirId).doesNotContain(mine);
        awaitPhase(mine, "running");
        assertThat(api().get(PODS + "/" + mine).body().path("result").path("pod").path("podStatus").path("phase").asText())
                .as("the other account's stopPod changed nothing").isEqualTo("running");
    }

    @Test
    void eventsCarryTheAccountAndTheAccessKeyThatSigned() {
        String podId = createPod("""
                {"name": "audited", "instanceType": "g.n2.medium",
                 "containers": [{"name": "app", "image": "%s", "command": ["sleep", "3600"]}]}""".formatted(IMAGE));
        String metadata = jdbc.queryForObject("SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? AND sequence_number = 0", String.class, podId);
        assertThat(metadata).contains("\"accessKeyId\":\"" + credentials().get("access_key") + "\"")
                .contains("\"accountId\":\"acct-").contains("\"requestId\":");
    }

    @Test
    void secretAccessKeysAreStoredEncrypted() {
        byte[] stored = jdbc.queryForObject("SELECT secret_ciphertext FROM access_key WHERE access_key_id = ?",
                byte[].class, OTHER_ACCESS_KEY);
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(OTHER_SECRET_KEY);
    }

    @Test
    void theCliSignsCallsAndExplainsErrors() {
        Cli created = cli("create-pods", "--pod-spec", """
                {"name": "from-cli", "instanceType": "g.n2.medium",
                 "containers": [{"name": "app", "image": "%s", "command": ["sleep", "3600"]}]}""".formatted(IMAGE));
        assertThat(created.status()).as(created.err()).isZero();
        String podId = created.json().path("result").path("podIds").get(0).asText();

        Cli described = cli("describe-pod", "--pod-id", podId);
        assertThat(described.status()).as(described.err()).isZero();
        assertThat(described.json().path("result").path("pod").path("name").asText()).isEqualTo("from-cli");

        Cli listed = cli("describe-pods", "--page-size", "100", "--filters", "[{\"name\":\"podId\",\"values\":[\"" + podId + "\"]}]");
        assertThat(listed.json().path("result").path("totalCount").asInt()).isEqualTo(1);

        Cli missing = cli("describe-pod", "--pod-id", "pod-doesnotexist");
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.err()).contains("NOT_FOUND (404)").contains("pod-doesnotexist").contains("requestId");

        Cli wrongState = cli("start-pod", "--pod-id", podId);
        assertThat(wrongState.status()).isEqualTo(1);
        assertThat(wrongState.err()).contains("FAILED_PRECONDITION (400)");
        awaitPhase(podId, "running");
    }

    private List<String> podIdsListedBy(ApiClient client) {
        ApiClient.Response page = client.get(PODS + "?pageSize=100");
        assertThat(page.status()).as(page.raw()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        page.body().path("result").path("pods").forEach(pod -> ids.add(pod.path("podId").asText()));
        return ids;
    }

    private static void assertUnauthenticated(ApiClient.Response response, String messagePart) {
        assertThat(response.status()).as(response.raw()).isEqualTo(401);
        assertThat(response.body().path("error").path("code").asInt()).isEqualTo(401);
        assertThat(response.errorStatus()).isEqualTo("UNAUTHENTICATED");
        assertThat(response.body().path("error").path("message").asText()).contains(messagePart);
        assertThat(response.body().path("requestId").asText()).isNotEmpty();
    }

    record Cli(int status, String out, String err) {
        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + out + " / " + err, e);
            }
        }
    }

    private Cli cli(String... args) {
        List<String> all = new ArrayList<>(List.of("--config", credentialsFile().toString(), "--endpoint", endpoint()));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = PodCli.run(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        return new Cli(status, out.toString(), err.toString());
    }
}
