package io.podservice.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.podservice.api.node.NodeIdentity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import io.podservice.query.pods.PodView;
import io.podservice.query.pods.PodViewRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Nodes as resources: each worker registers its node with its first heartbeat, and operators list
 * the nodes (describeNodes, signed with an operator's key; a tenant's key is refused). A node whose
 * worker is killed is declared lost once {@code pod.nodes.lost-after} (8 s here) passes without a
 * heartbeat, not before, and is ready again when its worker comes back. An image cache that asked a
 * node which is lost before answering records Error for it and settles.
 */
class NodesTest extends ServiceTest {

    private static final String NODES = "/v1/regions/cn-north-1/nodes";
    private static final Duration LOST_AFTER = Duration.ofSeconds(8);

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Autowired
    NodeIdentity launcherNode;

    @Autowired
    PodViewRepository views;

    private ExternalWorker worker;
    private ExternalWorker spare;

    @AfterEach
    void stopWorker() throws InterruptedException {
        if (worker != null) {
            worker.close();
        }
        if (spare != null) {
            spare.close();
        }
    }

    @Test
    void theLaunchersNodeIsListedToOperatorsWithWhatItOffers() {
        JsonNode node = awaitNode(launcherNode.nodeId(), "ready");

        assertThat(node.path("nodeUrl").asText()).isEqualTo(launcherNode.nodeUrl());
        assertThat(node.path("az").asText()).as("the zones it serves (ServiceTest)").isEqualTo("cn-north-1a,cn-north-1b");
        assertThat(node.path("allocatable").path("cpu").asDouble()).as("the machine's cores times the allocation ratio")
                .isEqualTo(docker.infoCmd().exec().getNCPU() * 1000.0);
        long machineMB = docker.infoCmd().exec().getMemTotal() / (1024 * 1024);
        assertThat(node.path("allocatable").path("memoryMB").asLong())
                .as("the machine less the node's reserve, times the allocation ratio").isEqualTo((machineMB - 1024) * 1000);
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

    @Test
    void anImageCacheWaitingForANodeThatIsLostRecordsErrorForItAndSettles() throws Exception {
        String nodeId = "node-cache-" + TestRun.ID;
        worker = ExternalWorker.start(bootstrapServers, nodeId, "--pod.worker.heartbeat-interval=PT1S",
                "--pod.worker.availability-zone=cn-north-1b");
        awaitNode(nodeId, "ready");
        worker.kill();

        // the node is still ready (the grace period has not passed): the cache asks it, and it never answers
        String cacheId = ok(api().post("/v1/regions/" + REGION + "/imageCache", """
                {"name": "lost-node", "imageCacheSpec": {"image": "%s", "retentionDays": 1}}""".formatted(IMAGE)))
                .path("imageCacheId").get(0).asText();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> assertThat(
                ok(api().get("/v1/regions/" + REGION + "/imageCache/" + cacheId)).path("imageCache").path("nodes")
                        .findValuesAsText("nodeId")).as("the nodes the cache asked").contains(nodeId, launcherNode.nodeId()));

        awaitNode(nodeId, "lost");
        JsonNode[] settled = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            settled[0] = ok(api().get("/v1/regions/" + REGION + "/imageCache/" + cacheId)).path("imageCache");
            return !"Creating".equals(settled[0].path("status").asText());
        });
        JsonNode lostAnswer = null;
        for (JsonNode answer : settled[0].path("nodes")) {
            if (nodeId.equals(answer.path("nodeId").asText())) {
                lostAnswer = answer;
            }
        }
        assertThat(lostAnswer).as("the lost node's answer in %s", settled[0]).isNotNull();
        assertThat(lostAnswer.path("status").asText()).isEqualTo("Error");
        assertThat(lostAnswer.path("message").asText()).contains("lost before it answered");
        ok(api().delete("/v1/regions/" + REGION + "/imageCache/" + cacheId)); // a settled cache can be deleted
    }

    @Test
    void podsArePlacedWithinTheRoomOfTheirZonesNodesAndFailWithNodeLostWhenNoOtherNodeHasRoom() throws Exception {
        String nodeId = "node-small-" + TestRun.ID;
        worker = ExternalWorker.start(bootstrapServers, nodeId, "--pod.worker.heartbeat-interval=PT1S",
                "--pod.worker.availability-zone=cn-north-1c", "--pod.worker.max-pods=3",
                "--pod.worker.allocatable-cpu=8", "--pod.worker.allocatable-memory-mb=65536");
        awaitNode(nodeId, "ready");
        assertThat(inStockInZoneC()).as("describeInstanceTypes with the small node empty").isTrue();
        String spec = """
                {"name": "placed", "instanceType": "g.n2.medium", "az": "cn-north-1c", "terminationGracePeriodSeconds": 1,
                 "containers": [{"name": "app", "image": "%s", "command": ["sleep", "3600"]}]}""".formatted(IMAGE);

        // room for 3 pods in the zone (its one node's pod limit), and two accounts (whose quotas do not order
        // them) ask for 5 at once: the first to be placed makes 3, as JD Cloud's maxCount does, and the other
        // finds no room: no room is taken twice
        List<String> accounts = List.of("nodes", "secrets");
        List<java.util.concurrent.CompletableFuture<ApiClient.Response>> requests = accounts.stream()
                .map(account -> java.util.concurrent.CompletableFuture.supplyAsync(() -> apiAs(account).post(
                        "/v1/regions/" + REGION + "/pods", "{\"podSpec\": " + spec + ", \"maxCount\": 5}")))
                .toList();
        List<ApiClient.Response> answers = requests.stream().map(java.util.concurrent.CompletableFuture::join).toList();
        assertThat(answers).extracting(ApiClient.Response::status).as("%s", answers.stream()
                .map(ApiClient.Response::raw).toList()).containsExactlyInAnyOrder(200, 400);
        int winner = answers.get(0).status() == 200 ? 0 : 1;
        ApiClient owner = apiAs(accounts.get(winner));
        ApiClient.Response made = answers.get(winner);
        assertThat(answers.get(1 - winner).body().path("error").path("status").asText()).isEqualTo("OUT_OF_STOCK");
        List<String> podIds = new java.util.ArrayList<>();
        for (JsonNode id : made.body().path("result").path("podIds")) {
            podIds.add(id.asText());
        }
        assertThat(podIds).hasSize(3);
        for (String podId : podIds) {
            JsonNode pod = awaitPhase(owner, podId, "running");
            assertThat(views.find(podId).map(PodView::nodeId).orElseThrow()).isEqualTo(nodeId);
            assertThat(condition(pod, "NodeReady").path("status").asText()).as("its node's state").isEqualTo("True");
        }

        assertThat(inStockInZoneC()).as("describeInstanceTypes with the zone's one node full").isFalse();
        ApiClient.Response refused = apiAs("nodes").post("/v1/regions/" + REGION + "/pods", "{\"podSpec\": " + spec + "}");
        assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
        assertThat(refused.body().path("error").path("status").asText()).isEqualTo("OUT_OF_STOCK");
        assertThat(refused.body().path("error").path("message").asText()).contains("'g.n2.medium'", "'cn-north-1c'",
                "0 pod(s)");

        // the node is lost; no other node serves its zone: its pods cannot move, and fail saying why
        worker.kill();
        for (String podId : podIds) {
            JsonNode pod = awaitPhase(owner, podId, "error");
            assertThat(pod.path("podStatus").path("reason").asText()).isEqualTo("NodeLost");
            assertThat(pod.path("podStatus").path("message").asText()).contains(nodeId, "no other node");
            // and describePod says its node is lost (the node's events reach the read side apart from the pod's)
            await().atMost(Duration.ofSeconds(20)).until(() -> "NodeLost".equals(condition(owner.get("/v1/regions/"
                    + REGION + "/pods/" + podId).body().path("result").path("pod"), "NodeReady").path("reason").asText()));
            assertThat(condition(owner.get("/v1/regions/" + REGION + "/pods/" + podId).body().path("result").path("pod"),
                    "NodeReady").path("status").asText()).isEqualTo("False");
        }
        // deleting them completes without their node: its containers went with it
        for (String podId : podIds) {
            assertThat(owner.delete("/v1/regions/" + REGION + "/pods/" + podId).status()).isEqualTo(200);
        }
        for (String podId : podIds) {
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    owner.get("/v1/regions/" + REGION + "/pods/" + podId).status() == 404);
        }
    }

    @Test
    void aCordonedNodeTakesNoNewPodsAndADrainedNodesPodsMoveToAnotherNode() throws Exception {
        String drained = "node-drained-" + TestRun.ID;
        String other = "node-spare-" + TestRun.ID;
        worker = ExternalWorker.start(bootstrapServers, drained, "--pod.worker.heartbeat-interval=PT1S",
                "--pod.worker.availability-zone=cn-north-1c", "--pod.worker.allocatable-cpu=8",
                "--pod.worker.allocatable-memory-mb=65536");
        awaitNode(drained, "ready");
        String spec = """
                {"name": "drained", "instanceType": "g.n2.medium", "az": "cn-north-1c", "terminationGracePeriodSeconds": 1,
                 "containers": [{"name": "app", "image": "%s", "command": ["sleep", "3600"]}]}""".formatted(IMAGE);
        ApiClient.Response made = apiAs("nodes").post("/v1/regions/" + REGION + "/pods",
                "{\"podSpec\": " + spec + ", \"maxCount\": 2}");
        assertThat(made.status()).as(made.raw()).isEqualTo(200);
        List<String> podIds = new java.util.ArrayList<>();
        for (JsonNode id : made.body().path("result").path("podIds")) {
            podIds.add(id.asText());
        }
        assertThat(podIds).hasSize(2);
        for (String podId : podIds) {
            awaitPhase(apiAs("nodes"), podId, "running");
            assertThat(views.find(podId).map(PodView::nodeId).orElseThrow()).isEqualTo(drained);
        }

        // a tenant cannot; an operator cordons: the zone has no schedulable node left
        assertThat(apiAs("nodes").post(NODES + "/" + drained + ":cordon", "{}").status()).isEqualTo(403);
        assertThat(operator().post(NODES + "/" + drained + ":cordon", "{}").status()).isEqualTo(200);
        assertThat(operator().post(NODES + "/no-such-node:cordon", "{}").status()).isEqualTo(404);
        await().atMost(Duration.ofSeconds(20)).until(() -> !awaitNode(drained, "ready").path("schedulable").asBoolean());
        ApiClient.Response refused = apiAs("nodes").post("/v1/regions/" + REGION + "/pods", "{\"podSpec\": " + spec + "}");
        assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
        assertThat(refused.body().path("error").path("message").asText()).contains("no node of that zone is ready and "
                + "schedulable");

        // a second node in the zone; draining the first moves its pods there, created afresh
        spare = ExternalWorker.start(bootstrapServers, other, "--pod.worker.heartbeat-interval=PT1S",
                "--pod.worker.availability-zone=cn-north-1c", "--pod.worker.allocatable-cpu=8",
                "--pod.worker.allocatable-memory-mb=65536");
        awaitNode(other, "ready");
        assertThat(operator().post(NODES + "/" + drained + ":drain", "{}").status()).isEqualTo(200);
        for (String podId : podIds) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> views.find(podId)
                    .filter(view -> other.equals(view.nodeId()) && view.phase() == io.podservice.events.PodPhase.RUNNING)
                    .isPresent());
        }
        // and the drained node removed what it had of them (both nodes share this machine's Docker)
        for (String podId : podIds) {
            await().atMost(Duration.ofSeconds(30)).until(() -> docker.listContainersCmd().withShowAll(true)
                    .withLabelFilter(Map.of("pod.id", podId, "pod.node", drained)).exec().isEmpty());
            assertThat(docker.listContainersCmd().withLabelFilter(Map.of("pod.id", podId, "pod.node", other)).exec())
                    .as("the pod's containers on its new node").hasSize(2);
        }
        JsonNode draining = awaitNode(drained, "ready");
        assertThat(draining.path("draining").asBoolean()).isTrue();

        assertThat(operator().post(NODES + "/" + drained + ":uncordon", "{}").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> awaitNode(drained, "ready").path("schedulable").asBoolean());
        assertThat(awaitNode(drained, "ready").path("draining").asBoolean()).isFalse();
        for (String podId : podIds) {
            assertThat(apiAs("nodes").delete("/v1/regions/" + REGION + "/pods/" + podId).status()).isEqualTo(200);
        }
    }

    /** The pod's condition of that type (describePod's podStatus.conditions), or a missing node. */
    private static JsonNode condition(JsonNode pod, String type) {
        for (JsonNode condition : pod.path("podStatus").path("conditions")) {
            if (type.equals(condition.path("conditionType").asText())) {
                return condition;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    /** describeInstanceTypes' inStock of g.n2.medium in cn-north-1c, the small node's zone. */
    private boolean inStockInZoneC() {
        JsonNode types = apiAs("nodes").get("/v1/regions/" + REGION + "/instanceTypes?filters.1.name=az"
                + "&filters.1.values.1=cn-north-1c&filters.2.name=instanceTypes&filters.2.values.1=g.n2.medium")
                .body().path("result").path("instanceTypes");
        assertThat(types).hasSize(1);
        return types.get(0).path("state").get(0).path("inStock").asBoolean();
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
}
