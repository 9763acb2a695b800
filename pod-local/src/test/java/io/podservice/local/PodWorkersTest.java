package io.podservice.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * The node runs one worker per pod: a pod that takes long to stop (its process ignores SIGTERM and
 * the grace period is long) holds up no other pod, not even one whose events share its Kafka
 * partition, which before waited behind it. (That one pod's tasks never overlap is PodWorkersTest
 * of pod-worker.)
 */
class PodWorkersTest extends ServiceTest {

    private static final String PODS = "/v1/regions/" + REGION + "/pods";

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    private final List<String> created = new ArrayList<>();

    @Test
    void aSlowTaskHoldsUpNoOtherPodOfItsPartition() throws Exception {
        String slow = create("""
                {"name": "slow-to-stop", "instanceType": "g.n2.medium", "terminationGracePeriodSeconds": 30,
                 "containers": [{"name": "app", "image": "%s",
                                 "command": ["sh", "-c", "trap '' TERM; while :; do sleep 1; done"]}]}""".formatted(IMAGE));
        awaitPhase(slow, "running");
        int partitions = partitionCount();

        assertThat(api().post(PODS + "/" + slow + ":stopPod", null).status()).isEqualTo(200);
        // pods are made until one shares the slow pod's partition: its creation comes after the stop there
        String neighbour = null;
        for (int i = 0; neighbour == null && i < 40; i++) {
            String podId = create("""
                    {"name": "neighbour-%d", "instanceType": "g.n2.medium", "terminationGracePeriodSeconds": 0,
                     "containers": [{"name": "app", "image": "%s", "command": ["sleep", "3600"]}]}""".formatted(i, IMAGE));
            if (partitionOf(podId, partitions) == partitionOf(slow, partitions)) {
                neighbour = podId;
            }
        }
        assertThat(neighbour).as("a pod in the slow pod's partition").isNotNull();

        awaitPhase(neighbour, "running");
        // the neighbour runs while the slow pod is still within its 30 s grace period
        assertThat(api().get(PODS + "/" + slow).body().path("result").path("pod").path("podStatus").path("phase")
                .asText()).isEqualTo("stopping");

        // and the slow pod's stop still ends, by SIGKILL after the grace period
        awaitPhase(slow, "stopped");
    }

    private String create(String spec) {
        String podId = createPod(spec);
        created.add(podId);
        return podId;
    }

    private int partitionCount() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            return admin.describeTopics(List.of("pod-events")).allTopicNames().get().get("pod-events").partitions().size();
        }
    }

    /** The partition of a record keyed by the pod id, as Kafka's default partitioner chooses it. */
    private static int partitionOf(String podId, int partitions) {
        return Utils.toPositive(Utils.murmur2(podId.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    @AfterEach
    void deletePods() {
        created.forEach(podId -> api().delete(PODS + "/" + podId));
        created.forEach(podId -> org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(90))
                .until(() -> api().get(PODS + "/" + podId).status() == 404));
    }
}
