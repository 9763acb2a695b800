package io.podservice.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import io.podservice.local.embedded.EmbeddedInfrastructure;
import io.podservice.query.pods.PodProjectionRebuild;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fault drills on the real components: PostgreSQL stopped, the Kafka broker stopped during a burst,
 * the Docker daemon restarted. Last of the run (junit-platform.properties orders classes by
 * {@link Order}): the Docker restart stops every container of the host, the run's registry too.
 */
@Order(Integer.MAX_VALUE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsTest extends ServiceTest {

    private static final String PODS = "/v1/regions/" + REGION + "/pods";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PodProjectionRebuild rebuild;

    @AfterEach
    void infrastructureIsBack() throws Exception {
        EmbeddedInfrastructure.startPostgres();
        EmbeddedInfrastructure.startKafka();
    }

    @Test
    @Order(1)
    void withPostgresDownCommandsAnswerUnavailableQuicklyAndNothingIsLost() throws Exception {
        String before = createPod(spec("before-outage", "Always"));
        awaitPhase(before, "running");

        EmbeddedInfrastructure.stopPostgres();
        for (String[] request : List.of(
                new String[] {"POST", PODS, "{\"podSpec\": " + spec("during-outage", "Always") + "}"},
                new String[] {"POST", PODS + "/" + before + ":stopPod", "{}"},
                new String[] {"GET", PODS + "/" + before, null})) {
            ApiClient.Response answer = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> request[0].equals("GET")
                    ? api().get(request[1]) : api().post(request[1], request[2]), request[0] + " " + request[1]);
            assertThat(answer.status()).as(answer.raw()).isEqualTo(503);
            assertThat(answer.body().path("error").path("status").asText()).isEqualTo("UNAVAILABLE");
            assertThat(answer.body().path("requestId").asText()).isNotEmpty();
        }

        EmbeddedInfrastructure.startPostgres();
        String[] after = new String[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            ApiClient.Response created = api().post(PODS, "{\"podSpec\": " + spec("after-outage", "Always") + "}");
            if (created.status() == 200) {
                after[0] = created.body().path("result").path("podIds").get(0).asText();
            }
            return after[0] != null;
        });
        assertThat(awaitPhase(before, "running").path("podStatus").path("phase").asText()).isEqualTo("running");
        awaitPhase(after[0], "running");
    }

    @Test
    @Order(2)
    void withKafkaDownDuringABurstTheReadModelEndsAsAReplayOfTheEventStore() throws Exception {
        ApiClient faults = apiAs("faults");
        List<String> podIds = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            if (i == 3) {
                EmbeddedInfrastructure.stopKafka();
            }
            ApiClient.Response created = faults.post(PODS, "{\"podSpec\": " + spec("burst-" + i, "Always") + "}");
            assertThat(created.status()).as("createPods is stored while Kafka is down: %s", created.raw()).isEqualTo(200);
            podIds.add(created.body().path("result").path("podIds").get(0).asText());
        }
        EmbeddedInfrastructure.startKafka();

        for (String podId : podIds) {
            awaitPhase(faults, podId, "running");
        }
        String accountId = jdbc.queryForObject("SELECT account_id FROM account WHERE name = 'faults'", String.class);
        // settled: every event of these pods applied (the read model's sequence is the event store's)
        await().atMost(Duration.ofSeconds(60)).until(() -> podIds.stream().allMatch(id ->
                jdbc.queryForObject("SELECT max(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = ?",
                        Long.class, id).equals(jdbc.queryForObject("SELECT last_sequence FROM pod_view WHERE pod_id = ?",
                        Long.class, id))));
        List<Map<String, Object>> live = QueryApiTest.model(jdbc, accountId);
        assertThat(live).hasSize(10);
        rebuild.rebuild();
        assertThat(QueryApiTest.model(jdbc, accountId)).isEqualTo(live);
        for (String podId : podIds) {
            assertThat(docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of("pod.id", podId)).exec())
                    .as("containers of %s", podId).hasSize(2);
        }
    }

    @Test
    @Order(3)
    void afterADockerDaemonRestartPodsThatRestartAlwaysRunAgain() throws Exception {
        String always = createPod(spec("survivor", "Always"));
        awaitPhase(always, "running");
        String startedBefore = docker.inspectContainerCmd(always + "-app").exec().getState().getStartedAt();

        DockerDaemon.restart();

        await().atMost(Duration.ofSeconds(120)).until(() -> {
            var state = docker.inspectContainerCmd(always + "-app").exec().getState();
            return Boolean.TRUE.equals(state.getRunning()) && !startedBefore.equals(state.getStartedAt());
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode pod = api().get(PODS + "/" + always).body().path("result").path("pod");
            return pod.path("podStatus").path("phase").asText().equals("running")
                    && pod.path("containers").get(0).path("containerStatus").path("state").path("running").isObject();
        });
    }

    private static String spec(String name, String restartPolicy) {
        return """
                {"name": "%s", "instanceType": "g.n2.medium", "terminationGracePeriodSeconds": 0,
                 "restartPolicy": "%s",
                 "containers": [{"name": "app", "image": "%s", "command": ["sleep", "3600"]}]}"""
                .formatted(name, restartPolicy, IMAGE);
    }

    /** The host's Docker daemon, restarted the way it was started: systemd's unit, or the process itself. */
    static final class DockerDaemon {

        private DockerDaemon() {
        }

        static void restart() throws Exception {
            if (run("systemctl", "is-active", "--quiet", "docker") == 0) {
                assertThat(run("systemctl", "restart", "docker")).isZero();
                return;
            }
            ProcessHandle daemon = ProcessHandle.allProcesses()
                    .filter(p -> p.info().command().map(c -> c.endsWith("/dockerd")).orElse(false))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no dockerd process on this host"));
            List<String> command = new ArrayList<>(commandLine(daemon.pid()));
            daemon.destroy(); // SIGTERM: dockerd stops its containers and exits
            daemon.onExit().get(90, java.util.concurrent.TimeUnit.SECONDS);
            List<String> detached = new ArrayList<>(List.of("setsid", "--fork"));
            detached.addAll(command);
            new ProcessBuilder(detached).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("/var/log/pod-service-dockerd.log").toFile()))
                    .start().waitFor();
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                    .until(() -> run("docker", "info") == 0);
        }

        private static List<String> commandLine(long pid) throws IOException {
            String raw = Files.readString(Path.of("/proc/" + pid + "/cmdline"), StandardCharsets.UTF_8);
            return List.of(raw.split("\0"));
        }

        private static int run(String... command) {
            try {
                return new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
            } catch (IOException e) {
                return -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }
    }
}
