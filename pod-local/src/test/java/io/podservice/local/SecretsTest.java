package io.podservice.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.podservice.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * Registry secrets: private pulls with a secret's credentials, clear failures without or with
 * wrong ones, deletion that shreds the data key, and the password nowhere in plaintext: not in
 * the event store, not on Kafka, not in the logs, not in API answers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecretsTest extends ServiceTest {

    private static final String BASE = "/v1/regions/" + REGION;
    private final String password = "pw-" + UUID.randomUUID();
    private final PrivateRegistry secure = new PrivateRegistry("secure-user", password);
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private String image;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ConsumerFactory<String, byte[]> consumers;
    @Value("${pod.node-token}")
    String nodeToken;

    @BeforeAll
    void startSecureRegistryAndCaptureLogs() {
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
        secure.start();
        image = secure.pushBusybox();
    }

    @AfterAll
    void stop() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
        secure.stop();
        TestRun.removeImage(image);
    }

    @Test
    void privatePullsNeedTheSecretAndThePasswordIsNowhereInPlaintext() throws Exception {
        ApiClient api = apiAs("secrets");
        // a wrong password first, while the image is not on the node
        createSecret(api, "wrong-creds", "not-" + password);
        JsonNode wrong = awaitPhase(api, createPod(api, "wrong", "wrong-creds"), "error");
        assertThat(wrong.path("podStatus").path("reason").asText()).isEqualTo("ErrImagePull");
        assertThat(wrong.path("podStatus").path("message").asText()).contains(image);

        JsonNode none = awaitPhase(api, createPod(api, "nosecret", null), "error");
        assertThat(none.path("podStatus").path("reason").asText()).isEqualTo("ErrImagePull");
        assertThat(none.path("podStatus").path("message").asText()).contains(image);

        ApiClient.Response created = createSecret(api, "secure-reg", password);
        assertThat(created.body().path("result").path("secretName").asText()).isEqualTo("secure-reg");
        JsonNode running = awaitPhase(api, createPod(api, "withsecret", "secure-reg"), "running");
        assertThat(running.path("containers").get(0).path("secret").asText()).isEqualTo("secure-reg");

        JsonNode described = api.get(BASE + "/secrets/secure-reg").body().path("result").path("secret");
        assertThat(described.path("type").asText()).isEqualTo("docker-registry");
        assertThat(described.path("data").path("server").asText()).isEqualTo(base64(secure.address()));
        assertThat(described.path("data").path("username").asText()).isEqualTo(base64("secure-user"));
        assertThat(described.path("data").has("password")).isFalse();
        ApiClient.Response listed = api.get(BASE + "/secrets?pageSize=10&filters.1.name=name&filters.1.values.1=secure-reg");
        assertThat(listed.body().path("result").path("totalCount").asInt()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get(BASE + "/quotas?resourceType=secret").body()
                .path("result").path("quota").path("used").asInt() == 2);

        // startPod on a node that lost the pod's containers and image pulls again, with the secret
        String podId = running.path("podId").asText();
        assertThat(api.post(BASE + "/pods/" + podId + ":stopPod", null).status()).isEqualTo(200);
        awaitPhase(api, podId, "stopped");
        docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of("pod.id", podId)).exec()
                .forEach(c -> docker.removeContainerCmd(c.getId()).withForce(true).exec());
        TestRun.removeImage(image);
        assertThat(api.post(BASE + "/pods/" + podId + ":startPod", null).status()).isEqualTo(200);
        awaitPhase(api, podId, "running");
        assertThat(docker.inspectImageCmd(image).exec().getId()).isNotBlank();

        assertNowhere(password, List.of(described.toString(), listed.raw(), running.toString()));
    }

    @Test
    void secretNamesAreUniqueAndValidated() {
        ApiClient api = apiAs("secrets");
        createSecret(api, "unique-one", password);
        ApiClient.Response again = api.post(BASE + "/secrets", secretBody("unique-one", password));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorStatus()).isEqualTo("ALREADY_EXISTS");
        ApiClient.Response bad = api.post(BASE + "/secrets", secretBody("Bad_Name", password));
        assertThat(bad.errorStatus()).isEqualTo("INVALID_ARGUMENT");
        assertThat(bad.body().path("error").path("message").asText()).contains("name");
        assertThat(bad.raw()).doesNotContain(password);
        assertThat(api.delete(BASE + "/secrets/unique-one").status()).isEqualTo(200);
    }

    @Test
    void deleteSecretShredsItsKeyAndNewPodsNamingItFailValidation() {
        ApiClient api = apiAs("secrets");
        createSecret(api, "short-lived", password);
        String keyId = jdbc.queryForObject("SELECT key_id FROM secret_index WHERE name = 'short-lived'", String.class);
        assertThat(keyRequest(keyId).status()).isEqualTo(200);

        assertThat(api.delete(BASE + "/secrets/short-lived").status()).isEqualTo(200);
        assertThat(keyRequest(keyId).status()).as("the data key is destroyed").isEqualTo(404);
        ApiClient.Response pod = api.post(BASE + "/pods", podBody("late", "short-lived"));
        assertThat(pod.status()).isEqualTo(404);
        assertThat(pod.errorStatus()).isEqualTo("NOT_FOUND");
        assertThat(pod.body().path("error").path("message").asText()).contains("short-lived").contains("secret");
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get(BASE + "/secrets/short-lived").status() == 404);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%SecretCreated' "
                + "AND convert_from(payload, 'UTF8') LIKE '%short-lived%'", Integer.class))
                .as("the event is still there, just no longer decryptable").isEqualTo(1);
        ApiClient.Response unauthenticated = new ApiClient(endpoint(), "x", "y").unsigned("GET",
                "/internal/data-keys/" + keyId);
        assertThat(unauthenticated.status()).as("no node token, no key").isEqualTo(401);
    }

    private void assertNowhere(String secret, List<String> answers) {
        for (String answer : answers) {
            assertThat(answer).doesNotContain(secret);
        }
        List<String> stored = jdbc.queryForList("SELECT convert_from(payload, 'UTF8') || ' ' || "
                + "COALESCE(convert_from(meta_data, 'UTF8'), '') FROM domain_event_entry", String.class);
        assertThat(stored).isNotEmpty().noneMatch(event -> event.contains(secret));
        List<String> messages = kafkaMessages();
        assertThat(messages).isNotEmpty().noneMatch(message -> message.contains(secret));
        List<String> logLines = new ArrayList<>();
        for (ILoggingEvent event : List.copyOf(logs.list)) {
            logLines.add(event.getFormattedMessage());
            if (event.getThrowableProxy() != null) {
                logLines.add(ThrowableProxyUtil.asString(event.getThrowableProxy()));
            }
        }
        assertThat(logLines).isNotEmpty().noneMatch(line -> line.contains(secret));
    }

    /** Every message on every topic of the service, from the beginning, values and headers. */
    private List<String> kafkaMessages() {
        List<String> messages = new ArrayList<>();
        try (Consumer<String, byte[]> consumer = consumers.createConsumer("secrets-audit-" + UUID.randomUUID(), "audit")) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(Topics.POD_EVENTS, Topics.POD_TASK_RESULTS)) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    StringBuilder text = new StringBuilder(new String(record.value(), StandardCharsets.UTF_8));
                    record.headers().forEach(h -> text.append(' ').append(new String(h.value(), StandardCharsets.UTF_8)));
                    messages.add(text.toString());
                }
            }
        }
        return messages;
    }

    private ApiClient.Response keyRequest(String keyId) {
        return new ApiClient(endpoint(), "x", "y").send(new ApiClient.Tampering("GET", "/internal/data-keys/" + keyId, null,
                java.time.Instant.now(), null, null, headers -> {
                    headers.clear();
                    headers.put("X-Pod-Node-Token", nodeToken);
                }));
    }

    private ApiClient.Response createSecret(ApiClient api, String name, String secretPassword) {
        ApiClient.Response response = api.post(BASE + "/secrets", secretBody(name, secretPassword));
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response;
    }

    /** createSecret's body: JD Cloud takes the data's values Base64-encoded. */
    private String secretBody(String name, String secretPassword) {
        return """
                {"name": "%s", "secretType": "docker-registry",
                 "data": {"server": "%s", "username": "%s", "password": "%s", "email": "%s"}}"""
                .formatted(name, base64(secure.address()), base64("secure-user"), base64(secretPassword),
                        base64("ops@example.com"));
    }

    private static String base64(String value) {
        return java.util.Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    private String podBody(String name, String secret) {
        return """
                {"podSpec": {"name": "%s", "instanceType": "g.n2.medium", "terminationGracePeriodSeconds": 1,
                 "containers": [{"name": "app", "image": "%s", "command": ["sleep", "3600"]%s}]}}"""
                .formatted(name, image, secret == null ? "" : ", \"secret\": \"" + secret + "\"");
    }

    private String createPod(ApiClient api, String name, String secret) {
        ApiClient.Response response = api.post(BASE + "/pods", podBody(name, secret));
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.body().path("result").path("podIds").get(0).asText();
    }

    private JsonNode awaitPhase(ApiClient api, String podId, String phase) {
        JsonNode[] pod = new JsonNode[1];
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).until(() -> {
            pod[0] = api.get(BASE + "/pods/" + podId).body().path("result").path("pod");
            String now = pod[0].path("podStatus").path("phase").asText();
            return now.equals(phase) || now.equals("error") || now.equals("running") || now.equals("stopped");
        });
        assertThat(pod[0].path("podStatus").path("phase").asText()).as(pod[0].toString()).isEqualTo(phase);
        return pod[0];
    }
}
