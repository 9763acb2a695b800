package io.podservice.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.LogContainerCmd;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The create path, end to end: API, event store, Kafka, worker, Docker, projection. */
class CreatePodTest extends ServiceTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aPodOfTwoContainersRunsInOneNetworkNamespace() {
        String podId = createPod("""
                {"name": "web", "instanceType": "g.n2.medium",
                 "containers": [
                   {"name": "server", "image": "%1$s",
                    "command": ["sh", "-c"],
                    "args": ["mkdir -p /www && echo hello-from-$GREETING > /www/index.html && exec httpd -f -p 8080 -h /www"],
                    "env": [{"name": "GREETING", "value": "server"}]},
                   {"name": "client", "image": "%1$s",
                    "command": ["sh", "-c", "until wget -qO- http://127.0.0.1:8080/index.html; do sleep 1; done; exec sleep 3600"]}
                 ]}""".formatted(IMAGE));

        JsonNode pod = awaitPhase(podId, "running", "error");
        assertThat(pod.path("podStatus").path("phase").asText()).as("pod %s", pod).isEqualTo("running");
        assertThat(pod.path("podStatus").path("podIP").asText()).matches("\\d+\\.\\d+\\.\\d+\\.\\d+");
        assertThat(pod.path("podStatus").path("startTime").asText()).isNotEmpty();
        assertThat(pod.path("containers")).hasSize(2);
        for (JsonNode container : pod.path("containers")) {
            assertThat(container.path("containerStatus").path("state").path("running").path("startedAt").asText())
                    .isNotEmpty();
        }

        // the client reached the server on localhost: they share the infra container's namespace
        await().atMost(Duration.ofSeconds(30)).until(() -> logsOf(podId + "-client").contains("hello-from-server"));

        InspectContainerResponse infra = docker.inspectContainerCmd(podId + ".infra").exec();
        InspectContainerResponse server = docker.inspectContainerCmd(podId + "-server").exec();
        assertThat(server.getHostConfig().getNetworkMode()).isEqualTo("container:" + infra.getId());
        assertThat(server.getConfig().getLabels())
                .containsEntry("pod.id", podId)
                .containsEntry("pod.container", "server")
                .containsEntry("pod.region", REGION);
        // g.n2.medium: 1 vCPU, 4096 MiB
        assertThat(server.getHostConfig().getNanoCPUs()).isEqualTo(1_000_000_000L);
        assertThat(server.getHostConfig().getMemory()).isEqualTo(4096L * 1024 * 1024);
        assertThat(server.getHostConfig().getLogConfig().getConfig()).containsEntry("max-size", "10m");
    }

    @Test
    void anImageMissingFromTheRegistryPutsThePodInErrorNamingTheImage() {
        String missing = REGISTRY.address() + "/it/no-such-image:1";
        String podId = createPod("""
                {"name": "broken", "instanceType": "g.n2.medium",
                 "containers": [{"name": "app", "image": "%s"}]}""".formatted(missing));

        JsonNode pod = awaitPhase(podId, "error", "running");
        assertThat(pod.path("podStatus").path("phase").asText()).isEqualTo("error");
        assertThat(pod.path("podStatus").path("reason").asText()).isEqualTo("ErrImagePull");
        assertThat(pod.path("podStatus").path("message").asText()).contains(missing);
        assertThat(pod.path("containers").get(0).path("containerStatus").path("state").path("waiting").path("reason").asText())
                .isEqualTo("ErrImagePull");
        // nothing half-done is left on the node
        assertThat(docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(java.util.Map.of("pod.id", podId)).exec()).isEmpty();
    }

    @Test
    void theEventStoreHoldsThePodsEventsInOrder() {
        String podId = createPod("""
                {"name": "ordered", "instanceType": "g.n2.medium",
                 "containers": [{"name": "app", "image": "%s", "command": ["sleep", "3600"]}]}""".formatted(IMAGE));
        awaitPhase(podId, "running");

        List<String> types = jdbc.queryForList("""
                SELECT payload_type FROM domain_event_entry
                 WHERE aggregate_identifier = ? ORDER BY sequence_number""", String.class, podId);
        // the node chosen for it is recorded with its creation (its events are addressed there, and interactive
        // requests are routed there); a first pull of the image on this node adds a progress report
        // (PodContainersChanged: Pulling) before it runs
        assertThat(types.stream().filter(t -> !t.endsWith(".PodContainersChanged")).toList()).containsExactly(
                "io.podservice.events.PodCreated", "io.podservice.events.PodScheduled", "io.podservice.events.PodRunning");
        List<Long> sequences = jdbc.queryForList(
                "SELECT sequence_number FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY global_index",
                Long.class, podId);
        assertThat(sequences).as("appended in the order of their sequence numbers, without gaps")
                .containsExactlyElementsOf(java.util.stream.LongStream.range(0, types.size()).boxed().toList());
        String createdJson = jdbc.queryForObject("""
                SELECT convert_from(payload, 'UTF8') FROM domain_event_entry
                 WHERE aggregate_identifier = ? AND sequence_number = 0""", String.class, podId);
        assertThat(createdJson).contains("\"podId\":\"" + podId + "\"").contains("\"instanceType\":\"g.n2.medium\"");
    }

    @Test
    void describePodRightAfterCreatePodsNeverAnswers404() {
        List<String> created = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String podId = createPod("""
                    {"name": "ryw-%d", "instanceType": "g.n2.medium",
                     "containers": [{"name": "app", "image": "%s", "command": ["sleep", "3600"]}]}""".formatted(i, IMAGE));
            ApiClient.Response response = api().get("/v1/regions/" + REGION + "/pods/" + podId);
            assertThat(response.status()).as("describePod %s: %s", podId, response.raw()).isEqualTo(200);
            assertThat(response.body().path("result").path("pod").path("podId").asText()).isEqualTo(podId);
            created.add(podId);
        }
        created.forEach(podId -> awaitPhase(podId, "running"));
    }

    private String logsOf(String containerName) throws InterruptedException {
        return logsOf(docker, containerName);
    }

    static String logsOf(com.github.dockerjava.api.DockerClient docker, String containerName) throws InterruptedException {
        StringBuilder out = new StringBuilder();
        try (LogContainerCmd cmd = docker.logContainerCmd(containerName).withStdOut(true).withStdErr(true)) {
            cmd.exec(new ResultCallback.Adapter<Frame>() {
                @Override
                public void onNext(Frame frame) {
                    out.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                }
            }).awaitCompletion(10, TimeUnit.SECONDS);
        }
        return out.toString();
    }
}
