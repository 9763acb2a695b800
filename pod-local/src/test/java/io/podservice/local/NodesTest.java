package io.podservice.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.podservice.api.node.NodeIdentity;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Nodes as resources: each worker registers its node with its first heartbeat, and operators list
 * the nodes (describeNodes, signed with an operator's key; a tenant's key is refused). A node whose
 * worker is killed is declared lost once {@code pod.nodes.lost-after} (8 s here) passes without a
 * heartbeat, not before, and is ready again when its worker comes back.
 */
class NodesTest extends ServiceTest {

    private static final String NODES = "/v1/regions/cn-north-1/nodes";
    private static final Duration LOST_AFTER = Duration.ofSeconds(8);

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Autowired
    NodeIdentity launcherNode;

    private ExternalWorker worker;

    @AfterEach
    void stopWorker() throws InterruptedException {
        if (worker != null) {
            worker.close();
        }
    }

    @Test
    void theLaunchersNodeIsListedToOperatorsWithWhatItOffers() {
        JsonNode node = awaitNode(launcherNode.nodeId(), "ready");

        assertThat(node.path("nodeUrl").asText()).isEqualTo(launcherNode.nodeUrl());
        assertThat(node.path("az").asText()).isEqualTo("cn-north-1a");
        assertThat(node.path("allocatable").path("cpu").asDouble())
                .isEqualTo((double) docker.infoCmd().exec().getNCPU());
        long machineMB = docker.infoCmd().exec().getMemTotal() / (1024 * 1024);
        assertThat(node.path("allocatable").path("memoryMB").asLong()).as("the machine less the node's reserve")
                .isEqualTo(machineMB - 1024);
        assertThat(node.path("allocatable").path("pods").asInt()).isEqualTo(500);
        assertThat(node.path("registeredTime").asText()).isNotEmpty();
    }

    @Test
    void aTenantsKeyCannotListNodes() {
        ApiClient.Response refused = api().get(NODES);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body().path("error").path("status").asText()).isEqualTo("PERMISSION_DENIED");
        assertThat(refused.body().path("error").path("message").asText()).contains("operator");
    }

    @Test
    void aKilledNodeIsLostAfterTheGracePeriodAndReadyWhenItComesBack() throws Exception {
        String nodeId = "node-test-" + TestRun.ID;
        worker = ExternalWorker.start(bootstrapServers, nodeId, "--pod.worker.heartbeat-interval=PT1S",
                "--pod.worker.availability-zone=cn-north-1b", "--pod.worker.max-pods=7",
                "--pod.worker.allocatable-cpu=1.5", "--pod.worker.node-labels.rack=r1");
        JsonNode registered = awaitNode(nodeId, "ready");
        assertThat(registered.path("az").asText()).isEqualTo("cn-north-1b");
        assertThat(registered.path("allocatable").path("pods").asInt()).isEqualTo(7);
        assertThat(registered.path("allocatable").path("cpu").asDouble()).isEqualTo(1.5);
        assertThat(registered.path("labels").path("rack").asText()).isEqualTo("r1");

        worker.kill();
        JsonNode lost = awaitNode(nodeId, "lost");
        Instant lastHeard = Instant.parse(lost.path("lastHeartbeatTime").asText());
        Instant declared = Instant.parse(lost.path("stateChangedTime").asText());
        assertThat(Duration.between(lastHeard, declared)).as("declared lost only after the grace period")
                .isGreaterThanOrEqualTo(LOST_AFTER);
        assertThat(operator().get(NODES + "?filters.1.name=state&filters.1.values.1=lost").body()
                .path("result").path("nodes").findValuesAsText("nodeId")).contains(nodeId)
                .doesNotContain(launcherNode.nodeId());

        worker = ExternalWorker.start(bootstrapServers, nodeId, "--pod.worker.heartbeat-interval=PT1S",
                "--pod.worker.availability-zone=cn-north-1b", "--pod.worker.max-pods=7",
                "--pod.worker.allocatable-cpu=1.5", "--pod.worker.node-labels.rack=r1");
        JsonNode back = awaitNode(nodeId, "ready");
        assertThat(Instant.parse(back.path("stateChangedTime").asText())).isAfter(declared);
    }

    /** Polls describeNodes (as an operator) until the node is listed in that state; returns it. */
    private JsonNode awaitNode(String nodeId, String state) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            ApiClient.Response listed = operator().get(NODES + "?filters.1.name=nodeId&filters.1.values.1=" + nodeId);
            assertThat(listed.status()).as("describeNodes: %s", listed.raw()).isEqualTo(200);
            JsonNode nodes = listed.body().path("result").path("nodes");
            found[0] = nodes.size() == 1 ? nodes.get(0) : null;
            return found[0] != null && state.equals(found[0].path("state").asText());
        });
        return found[0];
    }

    /** The API as the launcher's operator account, from the operator-credentials file it wrote. */
    private ApiClient operator() {
        Map<String, String> profile = credentials(TestRun.DATA_DIR.resolve("operator-credentials"));
        return new ApiClient(endpoint(), profile.get("access_key"), profile.get("secret_key"));
    }
}
