package io.podservice.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Pods without a subnet are isolated per account and kept from the node: a pod reaches another pod
 * of its own account, not one of another account, and neither the service's API nor anything else on
 * the node's addresses (the attack: a tenant's pod fetched another tenant's page and the node's API).
 */
class TenantIsolationTest extends ServiceTest {

    private static final String PODS = "/v1/regions/" + REGION + "/pods";

    @Test
    void podsReachTheirAccountOnlyAndNotTheNode() throws Exception {
        String web = """
                {"name": "%s", "instanceType": "g.n2.medium", "terminationGracePeriodSeconds": 0,
                 "containers": [{"name": "app", "image": "%s",
                   "command": ["sh", "-c", "echo hi > /tmp/index.html && exec httpd -f -p 8080 -h /tmp"]}]}""";
        String server = createPod(web.formatted("tenant-a-web", IMAGE));
        String neighbour = createPod(web.formatted("tenant-a-client", IMAGE));
        ApiClient other = otherApi();
        ApiClient.Response created = other.post(PODS, "{\"podSpec\": " + web.formatted("tenant-b-client", IMAGE) + "}");
        assertThat(created.status()).as(created.raw()).isEqualTo(200);
        String stranger = created.body().path("result").path("podIds").get(0).asText();

        String serverIp = awaitPhase(server, "running").path("podStatus").path("podIP").asText();
        JsonNode neighbourPod = awaitPhase(neighbour, "running");
        JsonNode strangerPod = awaitPhase(other, stranger, "running");
        assertThat(serverIp).as("a pod without a subnet is on its account's network, not Docker's default bridge")
                .startsWith("100.");

        assertThat(connects(api(), neighbour, serverIp, 8080)).as("same account").isTrue();
        assertThat(connects(other, stranger, serverIp, 8080)).as("another account").isFalse();

        // the node's own addresses: the gateway of the pod's network, Docker's default bridge, loopback-bound services
        String gateway = gatewayOf(neighbourPod.path("podStatus").path("podIP").asText());
        assertThat(connects(api(), neighbour, gateway, port)).as("the API on the node, via the pod's gateway").isFalse();
        assertThat(connects(other, stranger, "172.17.0.1", port)).as("the API on Docker's bridge address").isFalse();
        assertThat(connects(other, stranger, gatewayOf(strangerPod.path("podStatus").path("podIP").asText()),
                REGISTRY.port())).as("the registry's published port").isFalse();
    }

    /** Whether a TCP connection from {@code podId}'s container to {@code ip:port} opens, asked through execStart. */
    private boolean connects(ApiClient client, String podId, String ip, int port) throws Exception {
        String base = PODS + "/" + podId + "/containers/app";
        ApiClient.Response exec = client.post(base + ":execCreate", "{\"command\": [\"sh\", \"-c\", \"nc -w 2 " + ip + " "
                + port + " </dev/null && echo OPEN || echo CLOSED\"], \"tty\": false}");
        assertThat(exec.status()).as(exec.raw()).isEqualTo(200);
        String execId = exec.body().path("result").path("execId").asText();
        ApiWebSocket stream = ApiWebSocket.connect(port(), base + ":execStart?execId=" + execId, client);
        await().atMost(Duration.ofSeconds(20)).until(() -> stream.stdout().contains("OPEN") || stream.stdout().contains("CLOSED"));
        return stream.stdout().contains("OPEN");
    }

    private int port() {
        return port;
    }

    private static String gatewayOf(String podIp) {
        return podIp.substring(0, podIp.lastIndexOf('.')) + ".1";
    }
}
