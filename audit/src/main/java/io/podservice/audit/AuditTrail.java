package io.podservice.audit;

import io.micrometer.core.instrument.MeterRegistry;
import io.podservice.api.kafka.EventSubscriber;
import io.podservice.events.EventEnvelope;
import io.podservice.events.EventTypes;
import io.podservice.events.NetworkEvent;
import io.podservice.events.PodCreated;
import io.podservice.events.PodDeleted;
import io.podservice.events.PodEvent;
import io.podservice.events.PodFailed;
import io.podservice.events.PodRebuilt;
import io.podservice.events.PodRunning;
import io.podservice.events.PodScheduled;
import io.podservice.events.PodStopped;
import io.podservice.events.PodTask;
import io.podservice.events.SecretCreated;
import io.podservice.events.SecretEvent;
import io.podservice.events.ServiceEvent;
import io.podservice.events.Topics;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit subscriber (consumer group {@value #GROUP}): one {@code audit_record} per event that a
 * signed request caused, with the operation, account, access key, request id and time; a task's
 * record ({@code accepted}) gets its outcome when the worker's result event arrives
 * ({@code succeeded}, or {@code failed} with the reason). Idempotent: records are keyed by event id
 * and outcomes are set, never added, so redelivery and replays from offset 0 change nothing.
 */
@Component
public class AuditTrail extends EventSubscriber {

    static final String GROUP = "audit";

    /** Operations by event type, for events recorded before requests named their operation. */
    private static final Map<String, String> OPERATION_OF = Map.ofEntries(
            Map.entry("PodCreated", "createPods"), Map.entry("PodStopping", "stopPod"),
            Map.entry("PodStarting", "startPod"), Map.entry("PodDeleting", "deletePod"),
            Map.entry("PodRebuilding", "rebuildPod"), Map.entry("PodAttributesModified", "modifyPodAttribute"),
            Map.entry("PodResized", "resizePod"),
            Map.entry("PodElasticIpAssociated", "associateElasticIp"),
            Map.entry("PodElasticIpDisassociated", "disassociateElasticIp"),
            Map.entry("SecretCreated", "createSecret"), Map.entry("SecretDeleted", "deleteSecret"),
            Map.entry("VpcCreated", "createVpc"), Map.entry("VpcDeleted", "deleteVpc"),
            Map.entry("SubnetCreated", "createSubnet"), Map.entry("SubnetDeleted", "deleteSubnet"),
            Map.entry("SecurityGroupCreated", "createNetworkSecurityGroup"),
            Map.entry("SecurityGroupRulesAdded", "addNetworkSecurityGroupRules"),
            Map.entry("SecurityGroupDeleted", "deleteNetworkSecurityGroup"),
            Map.entry("ElasticIpCreated", "createElasticIps"), Map.entry("ElasticIpDeleted", "deleteElasticIp"));

    private final JdbcTemplate jdbc;

    AuditTrail(JdbcTemplate jdbc, MeterRegistry meters,
               @Value("${pod.audit.replay-on-start:false}") boolean replayOnStart) {
        super(GROUP, meters, replayOnStart);
        this.jdbc = jdbc;
    }

    @KafkaListener(id = "audit", groupId = GROUP, topics = Topics.POD_EVENTS)
    @Transactional
    void onEvent(ConsumerRecord<String, byte[]> record) {
        EventEnvelope.fromRecord(record).ifPresent(this::apply);
        counted();
    }

    void apply(EventEnvelope event) {
        ServiceEvent payload = event.payload();
        String region = regionOf(payload);
        if (region != null) {
            jdbc.update("INSERT INTO audit_resource (resource_id, region_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                    event.aggregateId(), region);
        }
        // a pod's placement is the service's decision, part of the createPods that asked for the pod: not a record of its own
        if (event.requestId() != null && event.accountId() != null && !(payload instanceof PodScheduled)) {
            String type = EventTypes.nameOf(payload.getClass());
            boolean task = payload instanceof PodTask;
            jdbc.update("""
                    INSERT INTO audit_record (event_id, account_id, access_key_id, region_id, operation, resource_type,
                                              resource_id, request_id, occurred_at, aggregate_sequence, event_type,
                                              task_id, outcome)
                    VALUES (?, ?, ?, (SELECT region_id FROM audit_resource WHERE resource_id = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (event_id) DO NOTHING""",
                    event.eventId(), event.accountId(), event.accessKeyId(), event.aggregateId(),
                    event.operation() != null ? event.operation() : OPERATION_OF.getOrDefault(type, type),
                    resourceType(payload), event.aggregateId(), event.requestId(), Timestamp.from(event.timestamp()),
                    event.sequence(), type, task ? ((PodTask) payload).taskId() : null,
                    task ? "accepted" : "succeeded");
        }
        // a task's end: the record of the request that started it gets its outcome
        if (payload instanceof PodRunning || payload instanceof PodStopped || payload instanceof PodDeleted
                || payload instanceof PodRebuilt) {
            outcome(event.aggregateId(), taskOf(payload), "succeeded", null);
        } else if (payload instanceof PodFailed failed) {
            outcome(event.aggregateId(), failed.taskId(), "failed", failed.reason() + ": " + failed.message());
        }
    }

    private void outcome(String resourceId, String taskId, String outcome, String message) {
        jdbc.update("UPDATE audit_record SET outcome = ?, outcome_message = ? WHERE resource_id = ? AND task_id = ?",
                outcome, message, resourceId, taskId);
    }

    private static String taskOf(ServiceEvent payload) {
        if (payload instanceof PodRunning e) {
            return e.taskId();
        }
        if (payload instanceof PodStopped e) {
            return e.taskId();
        }
        if (payload instanceof PodDeleted e) {
            return e.taskId();
        }
        return ((PodRebuilt) payload).taskId();
    }

    private static String regionOf(ServiceEvent payload) {
        if (payload instanceof PodCreated e) {
            return e.regionId();
        }
        if (payload instanceof SecretCreated e) {
            return e.regionId();
        }
        if (payload instanceof NetworkEvent e) {
            return e.regionId();
        }
        return null;
    }

    private static String resourceType(ServiceEvent payload) {
        if (payload instanceof PodEvent) {
            return "pod";
        }
        if (payload instanceof SecretEvent) {
            return "secret";
        }
        String type = payload.getClass().getSimpleName();
        if (type.startsWith("Vpc")) {
            return "vpc";
        }
        if (type.startsWith("Subnet")) {
            return "subnet";
        }
        if (type.startsWith("SecurityGroup")) {
            return "networkSecurityGroup";
        }
        return "elasticIp";
    }
}
