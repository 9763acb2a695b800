package io.podservice.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Frame;
import io.podservice.events.PodPhase;
import io.podservice.query.pods.PodView;
import io.podservice.query.pods.PodViewRepository;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The service on several real machines ({@link NodeHosts}: a network namespace, a Docker daemon
 * and a worker process each, on one switch), in the zone {@value #ZONE} that the launcher's own
 * node does not serve: a subnet's pods on two machines talk over the VXLAN overlay and another
 * VPC's pods cannot reach them; 30 pods fill three nodes to their capacity; a fourth node joins
 * and nothing moves; a machine dies and its pods with restartPolicy Always run again on the
 * fourth within the lost-after grace plus 30 s while the others fail with NodeLost; the machine
 * comes back and removes the containers of the pods that moved away.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiNodeTest extends ServiceTest {

    static final String ZONE = "cn-north-1c";
    private static final String ACCOUNT = "multinode";
    private static final String NODES = "/v1/regions/" + REGION + "/nodes";
    private static final String PODS = "/v1/regions/" + REGION + "/pods";
    /** pod.nodes.lost-after in the tests (ServiceTest). */
    private static final Duration LOST_AFTER = Duration.ofSeconds(8);
    /** What each node offers: pods are what binds (CPU and memory are plenty). */
    private static final Map<Integer, Integer> MAX_PODS = Map.of(1, 12, 2, 10, 3, 8, 4, 12);

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Autowired
    PodViewRepository views;

    @Autowired
    JdbcTemplate jdbc;

    private NodeHosts hosts;
    private final List<String> podsMade = new ArrayList<>();

    @BeforeAll
    void machines() throws Exception {
        // NodesTest's nodes of this zone, if it ran before, are lost first: then only these nodes take the zone's pods
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM node_index WHERE state = 'ready' AND ? = ANY (string_to_array(availability_zone, ','))",
                Integer.class, ZONE) == 0);
        hosts = new NodeHosts(TestRun.ID, bootstrapServers, List.of(port(REGISTRY.address())));
        for (int number = 1; number <= 3; number++) {
            addNode(number);
        }
    }

    @AfterAll
    void removeMachines() {
        try {
            // the pods go while their nodes are alive, so none is left for the evacuation to move onto other tests' nodes
            ApiClient api = apiAs(ACCOUNT);
            for (String podId : podsMade) {
                ApiClient.Response deleted = api.delete(PODS + "/" + podId);
                assertThat(deleted.status()).as("deletePod %s: %s", podId, deleted.raw()).isIn(200, 404);
            }
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                    assertThat(podsMade.stream().map(podId -> api.get(PODS + "/" + podId))
                            .filter(response -> response.status() != 404).map(ApiClient.Response::raw).toList())
                            .as("pods not gone").isEmpty());
        } finally {
            if (hosts != null) {
                hosts.close();
            }
        }
    }

    @Test
    @Order(1)
    void aSubnetsPodsOnTwoNodesTalkOverTheOverlayAndAnotherVpcsPodsCannot() throws Exception {
        ApiClient api = apiAs(ACCOUNT);
        String subnetA = subnetOfNewVpc(api, "overlay-a", 40);
        String subnetB = subnetOfNewVpc(api, "overlay-b", 41);

        // the scheduler chooses among the schedulable nodes: cordoning the others puts each pod where the test wants it
        String server = onNode(1, subnetA, "\"primaryIpAddress\": \"10.40.1.10\",",
                "mkdir -p /www && echo hello-over-the-overlay > /www/index.html && head -c 200000 /dev/zero > /www/big "
                        + "&& exec httpd -f -p 8080 -h /www");
        String client = onNode(3, subnetA, "", "exec sleep 3600");
        String stranger = onNode(2, subnetB, "", "exec sleep 3600");
        for (int number = 1; number <= 3; number++) {
            assertThat(operator().post(NODES + "/" + nodeId(number) + ":uncordon", "{}").status()).isEqualTo(200);
        }

        // one subnet, two machines: the client's frames cross the switch in the subnet's VXLAN segment
        NodeHosts.Node clientNode = hosts.node(3);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                exec(clientNode, client + "-app", "sh", "-c", "printf 'GET / HTTP/1.0\\r\\n\\r\\n' | nc -w 3 10.40.1.10 8080")
                        .contains("hello-over-the-overlay"));
        // full-sized segments too: the pods' MTU leaves room for the tunnel's headers
        assertThat(exec(clientNode, client + "-app", "sh", "-c",
                "printf 'GET /big HTTP/1.0\\r\\n\\r\\n' | nc -w 5 10.40.1.10 8080 | wc -c").trim())
                .as("bytes of a 200,000-byte answer, headers included").matches("200\\d{3}");
        // and no bridge between the two machines but the tunnel: the server is on another node's daemon
        assertThat(hosts.node(1).docker().listContainersCmd().withLabelFilter(Map.of("pod.id", server)).exec()).hasSize(2);
        assertThat(clientNode.docker().listContainersCmd().withLabelFilter(Map.of("pod.id", server)).exec()).isEmpty();

        // a pod cannot speak VXLAN to another node (it could put frames into any subnet's segment): dropped on the way
        // out (busybox has no UDP nc; its tftp sends a UDP datagram to the port)
        String dropped = "^PT" + TestRun.ID + "-[0-9a-f]{6}-VX";
        assertThat(run(clientNode, client + "-app", new StringBuilder(), "sh", "-c",
                "timeout 2 tftp -g -r forged -l /tmp/forged " + hosts.node(1).address + " 4789")).isNotEqualTo(-1);
        String counters = NodeHosts.inNamespace(clientNode.namespace, "sh", "-c", "iptables -w 5 -t filter -S | grep -oE '"
                + dropped.substring(1) + "' | head -1 | xargs -r -I{} iptables -w 5 -t filter -L {} -v -n -x");
        long packets = counters.lines().filter(line -> line.contains("DROP") && line.contains("dpt:4789"))
                .mapToLong(line -> Long.parseLong(line.trim().split("\\s+")[0])).sum();
        assertThat(packets).as("packets the pods sent to the tunnel port, dropped: %s %s", counters,
                NodeHosts.inNamespace(clientNode.namespace, "iptables-save", "-c")).isPositive();

        // another VPC's pod, on a third machine, reaches nothing of it
        assertThat(run(hosts.node(2), stranger + "-app", new StringBuilder(), "sh", "-c",
                "printf 'GET / HTTP/1.0\\r\\n\\r\\n' | nc -w 3 10.40.1.10 8080")).isNotZero();

        for (String podId : List.of(server, client, stranger)) {
            assertThat(api.delete(PODS + "/" + podId).status()).isEqualTo(200);
        }
        for (String podId : List.of(server, client, stranger)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> api.get(PODS + "/" + podId).status() == 404);
        }
    }

    @Test
    @Order(3)
    void podsFillTheNodesByCapacityStayWhenANodeJoinsAndMoveWhenTheirNodeDies() throws Exception {
        ApiClient api = apiAs(ACCOUNT);
        String subnet = subnetOfNewVpc(api, "spread", 42);
        // 30 pods, as much room as the three nodes have: half web servers in one subnet restarting Always,
        // half restarting Never
        List<String> always = create(api, webSpec("always", subnet), 15);
        List<String> never = create(api, spec("never", "Never"), 15);
        List<String> all = new ArrayList<>(always);
        all.addAll(never);
        for (String podId : all) {
            awaitPhase(api, podId, "running");
        }
        Map<String, String> placed = placements(all);
        Map<String, Long> perNode = new TreeMap<>();
        placed.values().forEach(node -> perNode.merge(node, 1L, Long::sum));
        assertThat(perNode).as("each node full to its capacity, none over").isEqualTo(Map.of(
                nodeId(1), 12L, nodeId(2), 10L, nodeId(3), 8L));
        for (String podId : all) {
            int number = numberOf(placed.get(podId));
            assertThat(hosts.node(number).docker().listContainersCmd().withLabelFilter(Map.of("pod.id", podId)).exec())
                    .as("pod %s's containers on its node's own daemon", podId).hasSize(2);
        }
        ApiClient.Response full = api.post(PODS, "{\"podSpec\": " + spec("one-more", "Always") + "}");
        assertThat(full.status()).as(full.raw()).isEqualTo(400);
        assertThat(full.body().path("error").path("status").asText()).isEqualTo("OUT_OF_STOCK");

        // a fourth node joins: it takes the next pod, and nothing that runs moves
        Map<String, String> containersBefore = containerIds(all, placed);
        addNode(4);
        List<String> onFourth = create(api, spec("fourth", "Always"), 1);
        awaitPhase(api, onFourth.get(0), "running");
        assertThat(placements(onFourth)).containsEntry(onFourth.get(0), nodeId(4));
        assertThat(placements(all)).as("placements after the fourth node joined").isEqualTo(placed);
        assertThat(containerIds(all, placed)).as("the same containers, never restarted elsewhere")
                .isEqualTo(containersBefore);

        // the second machine dies
        List<String> movers = always.stream().filter(podId -> placed.get(podId).equals(nodeId(2))).toList();
        List<String> stayers = never.stream().filter(podId -> placed.get(podId).equals(nodeId(2))).toList();
        assertThat(movers).as("Always pods on the second node").isNotEmpty();
        assertThat(stayers).as("Never pods on the second node").isNotEmpty();
        // one of them has an elastic IP, and a pod of its subnet on the first node talks to it over the overlay
        String mover = movers.get(0);
        String moverIp = api.get(PODS + "/" + mover).body().path("result").path("pod").path("privateIpAddress").asText();
        String witness = always.stream().filter(podId -> placed.get(podId).equals(nodeId(1))).findFirst().orElseThrow();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                exec(hosts.node(1), witness + "-app", "sh", "-c", GET_PASSWD.formatted(moverIp)).contains("root:"));
        String eip = created(api.post("/v1/regions/" + REGION + "/elasticIps", """
                {"maxCount": 1, "elasticIpSpec": {"bandwidthMbps": 10, "provider": "bgp"}}"""), "elasticIpIds");
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/v1/regions/" + REGION + "/elasticIps/" + eip)
                .status() == 200);
        String eipAddress = api.get("/v1/regions/" + REGION + "/elasticIps/" + eip).body().path("result")
                .path("elasticIp").path("elasticIpAddress").asText();
        ApiClient.Response associated = api.post(PODS + "/" + mover + ":associateElasticIp",
                "{\"elasticIpId\": \"" + eip + "\"}");
        assertThat(associated.status()).as(associated.raw()).isEqualTo(200);
        // (the pool is loopback addresses: the elastic IP answers on the node that runs the pod, to that node's own programs)
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                onMachine(hosts.node(2), GET_PASSWD.formatted(eipAddress)).contains("root:"));

        hosts.node(2).kill();
        // its Always pods run again on the only node with room, within the grace period plus 30 s
        for (String podId : movers) {
            await().atMost(LOST_AFTER.plusSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> views.find(podId)
                    .filter(view -> nodeId(4).equals(view.nodeId()) && view.phase() == PodPhase.RUNNING).isPresent());
            assertThat(hosts.node(4).docker().listContainersCmd().withLabelFilter(Map.of("pod.id", podId)).exec())
                    .as("pod %s's containers on the fourth node", podId).hasSize(2);
        }
        // the moved pod keeps its address: its subnet's pod on the first node reaches it on the fourth (once the
        // tunnels forget where its MAC was, SubnetOverlay.AGEING_SECONDS), and its elastic IP answers there
        assertThat(api.get(PODS + "/" + mover).body().path("result").path("pod").path("privateIpAddress").asText())
                .isEqualTo(moverIp);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() ->
                exec(hosts.node(1), witness + "-app", "sh", "-c", GET_PASSWD.formatted(moverIp)).contains("root:"));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                onMachine(hosts.node(4), GET_PASSWD.formatted(eipAddress)).contains("root:"));

        // the others fail, saying why
        for (String podId : stayers) {
            JsonNode pod = awaitPhase(api, podId, "error");
            assertThat(pod.path("podStatus").path("reason").asText()).isEqualTo("NodeLost");
        }

        // the machine comes back: before anything else, it removes what it had of the pods that moved away
        hosts.node(2).restart();
        ExternalWorker.awaitReady(jdbc, nodeId(2));
        for (String podId : movers) {
            await().atMost(Duration.ofSeconds(60)).until(() -> hosts.node(2).docker().listContainersCmd().withShowAll(true)
                    .withLabelFilter(Map.of("pod.id", podId)).exec().isEmpty());
        }
        // nor translates the elastic IP any more
        await().atMost(Duration.ofSeconds(30)).until(() -> !NodeHosts.inNamespace(hosts.node(2).namespace,
                "iptables", "-w", "5", "-t", "nat", "-S").contains(eipAddress));
        // and the moved pods were not disturbed by its return
        for (String podId : movers) {
            assertThat(views.find(podId).map(PodView::nodeId)).contains(nodeId(4));
        }
        for (String podId : stayers) {
            assertThat(hosts.node(2).docker().listContainersCmd().withLabelFilter(Map.of("pod.id", podId)).exec())
                    .as("a pod that failed with its node does not run again by itself").isEmpty();
        }
    }

    @Test
    @Order(2)
    void aPodNamingAnExistingDiskRunsOnTheNodeWhereTheDiskLives() throws Exception {
        ApiClient api = apiAs(ACCOUNT);
        // a disk made by a pod on node 3, and kept after it
        onlySchedulable(3);
        String maker = create(api, diskSpec("disk-maker", "\"sizeGB\": 1, \"autoDelete\": false",
                "echo made-on-3 > /data/f; exec sleep 3600"), 1).get(0);
        awaitPhase(api, maker, "running");
        assertThat(placements(List.of(maker))).containsEntry(maker, nodeId(3));
        JsonNode disks = ok(api.get("/v1/regions/" + REGION + "/disks?filters.1.name=instanceId&filters.1.values.1="
                + maker)).path("disks");
        String diskId = disks.get(0).path("diskId").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> exec(hosts.node(3), maker + "-app", "cat", "/data/f")
                .contains("made-on-3"));
        assertThat(api.delete(PODS + "/" + maker).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(ok(api.get("/v1/regions/" + REGION
                + "/disks/" + diskId)).path("disk").toString()).contains("\"status\":\"available\""));

        // every node schedulable: node 1 is the emptiest (1 pod of 12) and takes a pod without a disk; the
        // pod of the disk goes to node 3, where the disk is, and reads what the first pod wrote
        onlySchedulable(1, 2, 3);
        String reader = create(api, diskSpec("disk-reader", "\"volumeId\": \"" + diskId + "\"", "exec sleep 3600"),
                1).get(0);
        awaitPhase(api, reader, "running");
        assertThat(placements(List.of(reader))).containsEntry(reader, nodeId(3));
        assertThat(exec(hosts.node(3), reader + "-app", "cat", "/data/f")).contains("made-on-3");

        // with node 3 cordoned, a pod of the disk has nowhere to go: refused, naming the node
        assertThat(api.delete(PODS + "/" + reader).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(ok(api.get("/v1/regions/" + REGION
                + "/disks/" + diskId)).path("disk").toString()).contains("\"status\":\"available\""));
        onlySchedulable(1, 2);
        ApiClient.Response nowhere = api.post(PODS, "{\"podSpec\": " + diskSpec("disk-nowhere",
                "\"volumeId\": \"" + diskId + "\"", "exec sleep 3600") + "}");
        assertThat(nowhere.status()).as(nowhere.raw()).isEqualTo(400);
        assertThat(nowhere.errorStatus()).isEqualTo("OUT_OF_STOCK");
        assertThat(nowhere.body().path("error").path("message").asText()).contains("node '" + nodeId(3) + "'");
        onlySchedulable(1, 2, 3);
        assertThat(api.delete("/v1/regions/" + REGION + "/disks/" + diskId).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> api.get(PODS + "/" + reader).status() == 404);
    }

    /** Cordons the zone's nodes but {@code numbers}, uncordons those. */
    private void onlySchedulable(int... numbers) {
        for (int other = 1; other <= 3; other++) {
            int node = other;
            String action = java.util.Arrays.stream(numbers).anyMatch(n -> n == node) ? ":uncordon" : ":cordon";
            assertThat(operator().post(NODES + "/" + nodeId(other) + action, "{}").status()).isEqualTo(200);
        }
    }

    private static String diskSpec(String name, String disk, String script) {
        return """
                {"name": "%s", "instanceType": "g.n2.medium", "az": "%s", "terminationGracePeriodSeconds": 1,
                 "volumes": [{"name": "data", "jdcloudDisk": {%s}}],
                 "containers": [{"name": "app", "image": "%s", "command": ["sh", "-c", "%s"],
                   "volumeMounts": [{"name": "data", "mountPath": "/data"}]}]}""".formatted(name, ZONE, disk, IMAGE, script);
    }

    private void addNode(int number) throws Exception {
        hosts.add(number, nodeId(number), "--pod.worker.heartbeat-interval=PT1S", "--pod.worker.availability-zone=" + ZONE,
                "--pod.worker.allocatable-cpu=64", "--pod.worker.allocatable-memory-mb=262144",
                "--pod.worker.max-pods=" + MAX_PODS.get(number));
        ExternalWorker.awaitReady(jdbc, nodeId(number));
    }

    private static String nodeId(int number) {
        return "mnode-" + number + "-" + TestRun.ID;
    }

    private static int numberOf(String nodeId) {
        return Integer.parseInt(nodeId.substring("mnode-".length(), nodeId.indexOf('-', "mnode-".length())));
    }

    /** Creates a pod in {@code subnetId} with every other node of the zone cordoned, so it lands on node {@code number}. */
    private String onNode(int number, String subnetId, String address, String script) throws Exception {
        for (int other = 1; other <= 3; other++) {
            String action = other == number ? ":uncordon" : ":cordon";
            assertThat(operator().post(NODES + "/" + nodeId(other) + action, "{}").status()).isEqualTo(200);
        }
        String spec = """
                {"name": "overlay", "instanceType": "g.n2.medium", "az": "%s", "terminationGracePeriodSeconds": 1,
                 "primaryNetworkInterface": {"networkInterface": {%s "subnetId": "%s"}},
                 "containers": [{"name": "app", "image": "%s", "command": ["sh", "-c", "%s"]}]}"""
                .formatted(ZONE, address, subnetId, IMAGE, script);
        ApiClient.Response made = apiAs(ACCOUNT).post(PODS, "{\"podSpec\": " + spec + "}");
        assertThat(made.status()).as(made.raw()).isEqualTo(200);
        String podId = made.body().path("result").path("podIds").get(0).asText();
        podsMade.add(podId);
        awaitPhase(apiAs(ACCOUNT), podId, "running");
        assertThat(placements(List.of(podId))).containsEntry(podId, nodeId(number));
        return podId;
    }

    private List<String> create(ApiClient api, String spec, int count) {
        ApiClient.Response made = api.post(PODS, "{\"podSpec\": " + spec + ", \"maxCount\": " + count + "}");
        assertThat(made.status()).as(made.raw()).isEqualTo(200);
        List<String> podIds = new ArrayList<>();
        made.body().path("result").path("podIds").forEach(id -> podIds.add(id.asText()));
        assertThat(podIds).hasSize(count);
        podsMade.addAll(podIds);
        return podIds;
    }

    private static String spec(String name, String restartPolicy) {
        return """
                {"name": "%s", "instanceType": "g.n2.medium", "az": "%s", "terminationGracePeriodSeconds": 1,
                 "restartPolicy": "%s", "containers": [{"name": "app", "image": "%s", "command": ["sleep", "3600"]}]}"""
                .formatted(name, ZONE, restartPolicy, IMAGE);
    }

    /** A pod in {@code subnetId} whose busybox httpd serves the container's /etc on port 8080. */
    private static String webSpec(String name, String subnetId) {
        return """
                {"name": "%s", "instanceType": "g.n2.medium", "az": "%s", "terminationGracePeriodSeconds": 1,
                 "restartPolicy": "Always", "primaryNetworkInterface": {"networkInterface": {"subnetId": "%s"}},
                 "containers": [{"name": "app", "image": "%s", "command": ["httpd", "-f", "-p", "8080", "-h", "/etc"]}]}"""
                .formatted(name, ZONE, subnetId, IMAGE);
    }

    private static final String GET_PASSWD = "printf 'GET /passwd HTTP/1.0\\r\\n\\r\\n' | nc -w 3 %s 8080";

    /** Each pod's node, as the service has it. */
    private Map<String, String> placements(List<String> podIds) {
        Map<String, String> placed = new HashMap<>();
        for (String podId : podIds) {
            await().atMost(Duration.ofSeconds(20)).until(() -> views.find(podId).map(PodView::nodeId).isPresent());
            placed.put(podId, views.find(podId).map(PodView::nodeId).orElseThrow());
        }
        return placed;
    }

    /** Each pod's container ids on its node's daemon. */
    private Map<String, String> containerIds(List<String> podIds, Map<String, String> placed) {
        Map<String, String> ids = new HashMap<>();
        for (String podId : podIds) {
            List<String> containers = hosts.node(numberOf(placed.get(podId))).docker().listContainersCmd()
                    .withLabelFilter(Map.of("pod.id", podId)).exec().stream().map(Container::getId).sorted().toList();
            ids.put(podId, String.join(",", containers));
        }
        return ids;
    }


    /** A new VPC {@code name} on 10.{octet}.0.0/16 and its subnet 10.{octet}.1.0/24: the subnet's id. */
    private static String subnetOfNewVpc(ApiClient api, String name, int octet) {
        String vpc = created(api.post("/v1/regions/" + REGION + "/vpcs", """
                {"vpcName": "%s", "addressPrefix": "10.%d.0.0/16"}""".formatted(name, octet)), "vpcId");
        return created(api.post("/v1/regions/" + REGION + "/subnets", """
                {"subnetName": "%s-1", "vpcId": "%s", "addressPrefix": "10.%d.1.0/24"}""".formatted(name, vpc, octet)),
                "subnetId");
    }

    private static String created(ApiClient.Response response, String field) {
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        JsonNode value = response.body().path("result").path(field);
        return value.isArray() ? value.get(0).asText() : value.asText();
    }

    private static int port(String address) {
        return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    }

    /** Runs a shell line on the machine itself, in its network namespace (busybox's nc, as the host has it). */
    private static String onMachine(NodeHosts.Node node, String line) {
        try {
            return NodeHosts.inNamespace(node.namespace, "sh", "-c", line.replace("nc -w", "busybox nc -w"));
        } catch (IllegalStateException refused) {
            return "";
        }
    }

    private static String exec(NodeHosts.Node node, String container, String... command) throws InterruptedException {
        StringBuilder output = new StringBuilder();
        run(node, container, output, command);
        return output.toString();
    }

    private static long run(NodeHosts.Node node, String container, StringBuilder output, String... command)
            throws InterruptedException {
        String execId = node.docker().execCreateCmd(container).withAttachStdout(true).withAttachStderr(true)
                .withCmd(command).exec().getId();
        node.docker().execStartCmd(execId).exec(new ResultCallback.Adapter<Frame>() {
            @Override
            public void onNext(Frame frame) {
                output.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
            }
        }).awaitCompletion(30, TimeUnit.SECONDS);
        Long code = node.docker().inspectExecCmd(execId).exec().getExitCodeLong();
        return code == null ? -1 : code;
    }
}
