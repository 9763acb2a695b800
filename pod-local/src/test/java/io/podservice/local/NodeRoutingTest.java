package io.podservice.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.podservice.api.node.NodeIdentity;
import io.podservice.query.pods.PodView;
import io.podservice.query.pods.PodViewRepository;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * exec, attach and logs of a pod that another node runs: the pod-worker application in its own JVM
 * reports itself with its URL, the pod's PodPlaced event records it, and the launcher's API relays
 * the requests to that node's internal endpoints. When the node dies, the API says which node does
 * not answer; once the node is declared lost and the pod moved to the launcher's node, its requests
 * are served here again.
 */
class NodeRoutingTest extends ServiceTest {

    private static final String NODE = "routing-node";
    private static final String PODS = "/v1/regions/" + REGION + "/pods";

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Value("${pod.node-token}")
    String nodeToken;

    @Autowired
    PodViewRepository views;

    @Autowired
    NodeIdentity localNode;

    private ExternalWorker worker;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void interactiveRequestsAreServedByTheNodeThatRunsThePod() throws Exception {
        worker = ExternalWorker.start(bootstrapServers, NODE, "--pod.node-token=" + nodeToken,
                "--pod.worker.advertised-host=127.0.0.1", "--pod.worker.cpu-allocation-ratio=1000",
                "--pod.worker.memory-allocation-ratio=1000", "--pod.worker.heartbeat-interval=PT1S");
        ExternalWorker.awaitReady(jdbc, NODE);
        String podId = ExternalWorker.podOnNode(this, views, NODE, i -> """
                {"name": "routed-%d", "instanceType": "g.n2.medium", "terminationGracePeriodSeconds": 1,
                 "containers": [{"name": "app", "image": "%s",
                                 "command": ["sh", "-c", "seq 7 | sed s/^/routed-/; exec sleep 3600"]}]}"""
                .formatted(i, IMAGE));
        assertThat(views.find(podId).map(PodView::nodeUrl).orElseThrow()).startsWith("http://127.0.0.1:");

        String execId = execCreate(podId, "[\"sh\", \"-c\", \"echo line-from-$(hostname); read x; echo got:$x; exit 3\"]");
        ApiWebSocket stream = ApiWebSocket.connect(port, PODS + "/" + podId + "/containers/app:execStart?execId=" + execId);
        stream.send("hello\n");
        await().atMost(Duration.ofSeconds(20)).until(() -> stream.stdout().contains("got:hello"));
        await().atMost(Duration.ofSeconds(20)).until(stream.closed::get);
        await().atMost(Duration.ofSeconds(20)).until(() -> api().get(PODS + "/" + podId
                + "/containers/app:execGetExitCode?execId=" + execId).status() == 200);
        assertThat(api().get(PODS + "/" + podId + "/containers/app:execGetExitCode?execId=" + execId).body()
                .path("result").path("execCode").asInt()).isEqualTo(3);
        ApiClient.Response unknown = api().get(PODS + "/" + podId + "/containers/app:execGetExitCode?execId=nope");
        assertThat(unknown.status()).as(unknown.raw()).isEqualTo(404);
        ApiClient.Response logs = api().get(PODS + "/" + podId + "/containers/app:getContainerLogs?tailLines=1");
        assertThat(logs.body().path("result").path("logs").path("content").asText()).isEqualTo("routed-7\n");

        worker.kill();
        ApiClient.Response refused = api().post(PODS + "/" + podId + "/containers/app:execCreate",
                "{\"command\": [\"true\"]}");
        assertThat(refused.status()).as(refused.raw()).isEqualTo(503);
        assertThat(refused.body().path("error").path("status").asText()).isEqualTo("UNAVAILABLE");
        assertThat(refused.body().path("error").path("message").asText()).contains("'" + NODE + "'");

        // the dead node is declared lost, and the pod (restartPolicy Always) is moved to the launcher's node
        await().atMost(Duration.ofSeconds(90)).until(() -> views.find(podId).filter(view ->
                localNode.nodeId().equals(view.nodeId()) && view.phase() == io.podservice.events.PodPhase.RUNNING)
                .isPresent());
        assertThat(api().post(PODS + "/" + podId + "/containers/app:execCreate", "{\"command\": [\"true\"]}").status())
                .isEqualTo(200);
    }

    private String execCreate(String podId, String command) {
        ApiClient.Response created = api().post(PODS + "/" + podId + "/containers/app:execCreate",
                "{\"command\": " + command + ", \"tty\": false}");
        assertThat(created.status()).as(created.raw()).isEqualTo(200);
        return created.body().path("result").path("execId").asText();
    }

    @AfterEach
    void stopWorker() throws InterruptedException {
        if (worker != null) {
            worker.close();
        }
    }
}
