package io.podservice.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.podservice.audit.AuditTrail;
import io.podservice.billing.UsageMeter;
import io.podservice.events.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The audit and billing subscribers, each with its own consumer group on pod-events: a pod created,
 * run, stopped, started and deleted yields its four audit records in order, signed by the caller's
 * key, and running seconds equal to its running intervals; consuming the whole topic again from
 * offset 0 leaves both exactly as they were.
 */
class SubscribersTest extends ServiceTest {

    private static final String REGION_PATH = "/v1/regions/" + REGION;
    private static final String PODS = REGION_PATH + "/pods";

    @Autowired
    AuditTrail audit;

    @Autowired
    UsageMeter billing;

    @Autowired
    JdbcTemplate jdbc;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    /** An account of its own: every pod of it is gone at the end, so no later event touches its rows. */
    private ApiClient api;

    @BeforeEach
    void asTheSubscribersAccount() {
        api = apiAs("subscribers");
    }

    @Test
    void aPodsLifeIsAuditedAndBilledAndAReplayChangesNothing() {
        ApiClient.Response created = api.post(PODS, """
                {"podSpec": {"name": "metered", "instanceType": "g.n2.medium", "terminationGracePeriodSeconds": 1,
                 "containers": [{"name": "app", "image": "%s", "command": ["sleep", "3600"]}]}}""".formatted(IMAGE));
        assertThat(created.status()).as(created.raw()).isEqualTo(200);
        String podId = created.body().path("result").path("podIds").get(0).asText();
        awaitPhase(api, podId, "running");
        assertThat(api.post(PODS + "/" + podId + ":stopPod", "{}").status()).isEqualTo(200);
        awaitPhase(api, podId, "stopped");
        assertThat(api.post(PODS + "/" + podId + ":startPod", "{}").status()).isEqualTo(200);
        awaitPhase(api, podId, "running");
        assertThat(api.delete(PODS + "/" + podId).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> api.get(PODS + "/" + podId).status() == 404);
        String accountId = jdbc.queryForObject("SELECT account_id FROM account WHERE name = 'subscribers'", String.class);
        long lastSequence = jdbc.queryForObject("SELECT max(sequence_number) FROM domain_event_entry "
                + "WHERE aggregate_identifier = ?", Long.class, podId);

        // audit: one record per request, in order, signed by the caller's key, each with its outcome
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode events = auditEvents(podId);
            return events.size() == 4 && events.findValuesAsText("outcome").stream().allMatch("succeeded"::equals);
        });
        JsonNode events = auditEvents(podId);
        assertThat(events.findValuesAsText("operation")).containsExactly("createPods", "stopPod", "startPod", "deletePod");
        assertThat(events.findValuesAsText("accessKeyId")).containsOnly(scopedKey("subscribers"));
        assertThat(events.findValuesAsText("resourceType")).containsOnly("pod");
        events.forEach(event -> assertThat(event.path("requestId").asText()).hasSize(32));
        assertThat(api.get(REGION_PATH + "/auditEvents?resourceId=" + podId + "&operation=stopPod").body()
                .path("result").path("totalCount").asInt()).isEqualTo(1);
        assertThat(apiAs("other").get(REGION_PATH + "/auditEvents?resourceId=" + podId).body()
                .path("result").path("totalCount").asInt()).isZero();

        // billing: the running intervals, as the event store's timestamps have them
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT last_sequence FROM billing_pod WHERE pod_id = ?", Long.class, podId) == lastSequence);
        double expected = runningSeconds(podId);
        JsonNode usage = api.get(REGION_PATH + "/usage?podId=" + podId).body().path("result").path("usage");
        assertThat(usage.path("runningSeconds").asDouble()).isCloseTo(expected, within(1.0));
        assertThat(usage.path("pods").get(0).path("instanceType").asText()).isEqualTo("g.n2.medium");
        assertThat(usage.path("totalAmount").decimalValue()).isPositive();

        // the whole topic once more from offset 0: nothing of this account changes
        List<Map<String, Object>> auditBefore = rows("audit_record", accountId, "event_id");
        List<Map<String, Object>> usageBefore = rows("billing_usage", accountId, "pod_id, resource_type, resource, hour_start");
        List<Map<String, Object>> podsBefore = rows("billing_pod", accountId, "pod_id");
        long messages = messagesInTopic();
        long auditSeen = audit.consumed();
        long billingSeen = billing.consumed();
        audit.replayFromStart();
        billing.replayFromStart();
        await().atMost(Duration.ofSeconds(120)).until(() ->
                audit.consumed() >= auditSeen + messages && billing.consumed() >= billingSeen + messages);
        assertThat(rows("audit_record", accountId, "event_id")).isEqualTo(auditBefore).hasSize(4);
        assertThat(rows("billing_usage", accountId, "pod_id, resource_type, resource, hour_start")).isEqualTo(usageBefore)
                .isNotEmpty();
        assertThat(rows("billing_pod", accountId, "pod_id")).isEqualTo(podsBefore).hasSize(1);
    }

    private List<Map<String, Object>> rows(String table, String accountId, String order) {
        return jdbc.queryForList("SELECT * FROM " + table + " WHERE account_id = ? ORDER BY " + order, accountId);
    }

    private JsonNode auditEvents(String podId) {
        return api.get(REGION_PATH + "/auditEvents?resourceId=" + podId).body().path("result").path("auditEvents");
    }

    /** The seconds between each PodRunning and the event that ended the run, from the event store. */
    private double runningSeconds(String podId) {
        List<Map<String, Object>> events = jdbc.queryForList("SELECT payload_type, time_stamp FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? ORDER BY sequence_number", podId);
        double seconds = 0;
        Instant since = null;
        for (Map<String, Object> event : events) {
            String type = event.get("payload_type").toString();
            Instant at = Instant.parse(event.get("time_stamp").toString());
            if (type.endsWith(".PodRunning")) {
                since = at;
            } else if (since != null && (type.endsWith(".PodStopping") || type.endsWith(".PodDeleting")
                    || type.endsWith(".PodFailed"))) {
                seconds += Duration.between(since, at).toNanos() / 1e9;
                since = null;
            }
        }
        return seconds;
    }

    private long messagesInTopic() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(Topics.POD_EVENTS).forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> starts = consumer.beginningOffsets(partitions);
            return partitions.stream().mapToLong(p -> ends.get(p) - starts.get(p)).sum();
        }
    }
}
