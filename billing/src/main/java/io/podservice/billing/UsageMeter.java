package io.podservice.billing;

import io.micrometer.core.instrument.MeterRegistry;
import io.podservice.api.kafka.EventSubscriber;
import io.podservice.events.ElasticIpCreated;
import io.podservice.events.EventEnvelope;
import io.podservice.events.PodCreated;
import io.podservice.events.PodDeleted;
import io.podservice.events.PodDeleting;
import io.podservice.events.PodElasticIpAssociated;
import io.podservice.events.PodElasticIpDisassociated;
import io.podservice.events.PodEvent;
import io.podservice.events.PodFailed;
import io.podservice.events.PodRunning;
import io.podservice.events.PodStopping;
import io.podservice.events.Topics;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The billing subscriber (consumer group {@value #GROUP}): meters each pod's time in phase
 * {@code running} (from {@code PodRunning} to the {@code PodStopping}, {@code PodDeleting} or
 * {@code PodFailed} that ends it) and the time an elastic IP is bound to it, by the events'
 * timestamps, and books each closed interval as seconds per hour in {@code billing_usage}. Every
 * pod event counts once (its aggregate sequence is remembered), so redelivery and replays from
 * offset 0 leave the usage as it was.
 */
@Component
public class UsageMeter extends EventSubscriber {

    static final String GROUP = "billing";
    static final String INSTANCE = "instance";
    static final String ELASTIC_IP = "elasticIp";

    private final JdbcTemplate jdbc;

    UsageMeter(JdbcTemplate jdbc, MeterRegistry meters,
               @Value("${pod.billing.replay-on-start:false}") boolean replayOnStart) {
        super(GROUP, meters, replayOnStart);
        this.jdbc = jdbc;
    }

    @KafkaListener(id = "billing", groupId = GROUP, topics = Topics.POD_EVENTS)
    @Transactional
    void onEvent(ConsumerRecord<String, byte[]> record) {
        EventEnvelope.fromRecord(record).ifPresent(this::apply);
        counted();
    }

    void apply(EventEnvelope event) {
        if (event.payload() instanceof ElasticIpCreated created) {
            jdbc.update("INSERT INTO billing_elastic_ip (elastic_ip_id, bandwidth_mbps) VALUES (?, ?) "
                    + "ON CONFLICT DO NOTHING", created.elasticIpId(), created.bandwidthMbps());
            return;
        }
        if (!(event.payload() instanceof PodEvent payload)) {
            return;
        }
        if (payload instanceof PodCreated created) {
            jdbc.update("""
                    INSERT INTO billing_pod (pod_id, account_id, region_id, instance_type, last_sequence)
                    VALUES (?, ?, ?, ?, ?) ON CONFLICT (pod_id) DO NOTHING""",
                    created.podId(), created.accountId(), created.regionId(), created.definition().instanceType(),
                    event.sequence());
            return;
        }
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM billing_pod WHERE pod_id = ? FOR UPDATE",
                event.aggregateId());
        if (rows.isEmpty() || ((Number) rows.get(0).get("last_sequence")).longValue() >= event.sequence()) {
            return; // unknown pod (created before metering began) or already counted
        }
        Map<String, Object> pod = rows.get(0);
        Instant at = event.timestamp();
        if (payload instanceof PodRunning) {
            jdbc.update("UPDATE billing_pod SET running_since = ? WHERE pod_id = ?", Timestamp.from(at), event.aggregateId());
        } else if (payload instanceof PodStopping || payload instanceof PodDeleting || payload instanceof PodFailed
                || payload instanceof PodDeleted
                // moved off a lost node: it runs again, and is metered again, when its new node reports it
                || payload instanceof io.podservice.events.PodScheduled moved && moved.taskId() != null) {
            closeRunning(pod, at);
        }
        if (payload instanceof io.podservice.events.PodResized resized) {
            // only a stopped pod is resized: its next run is metered as the new type
            jdbc.update("UPDATE billing_pod SET instance_type = ? WHERE pod_id = ?", resized.definition().instanceType(),
                    event.aggregateId());
        }
        if (payload instanceof PodElasticIpAssociated bound) {
            jdbc.update("UPDATE billing_pod SET elastic_ip_id = ?, elastic_ip_since = ? WHERE pod_id = ?",
                    bound.elasticIpId(), Timestamp.from(at), event.aggregateId());
        } else if (payload instanceof PodElasticIpDisassociated || payload instanceof PodDeleted) {
            closeElasticIp(pod, at);
        }
        jdbc.update("UPDATE billing_pod SET last_sequence = ? WHERE pod_id = ?", event.sequence(), event.aggregateId());
    }

    private void closeRunning(Map<String, Object> pod, Instant at) {
        Timestamp since = (Timestamp) pod.get("running_since");
        if (since != null) {
            book(pod, INSTANCE, (String) pod.get("instance_type"), since.toInstant(), at);
            jdbc.update("UPDATE billing_pod SET running_since = NULL WHERE pod_id = ?", pod.get("pod_id"));
        }
    }

    private void closeElasticIp(Map<String, Object> pod, Instant at) {
        Timestamp since = (Timestamp) pod.get("elastic_ip_since");
        if (since != null) {
            book(pod, ELASTIC_IP, (String) pod.get("elastic_ip_id"), since.toInstant(), at);
            jdbc.update("UPDATE billing_pod SET elastic_ip_id = NULL, elastic_ip_since = NULL WHERE pod_id = ?",
                    pod.get("pod_id"));
        }
    }

    private void book(Map<String, Object> pod, String type, String resource, Instant from, Instant to) {
        for (HourlySplit.Share share : HourlySplit.of(from, to)) {
            jdbc.update("""
                    INSERT INTO billing_usage (pod_id, account_id, region_id, resource_type, resource, hour_start, seconds)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (pod_id, resource_type, resource, hour_start)
                    DO UPDATE SET seconds = billing_usage.seconds + EXCLUDED.seconds""",
                    pod.get("pod_id"), pod.get("account_id"), pod.get("region_id"), type, resource,
                    Timestamp.from(share.hourStart()), share.seconds());
        }
    }
}
