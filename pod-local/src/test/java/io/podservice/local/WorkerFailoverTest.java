package io.podservice.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * A second node agent, the pod-worker application in its own JVM, shares the pods with the
 * launcher's worker and is killed with SIGKILL in the middle of a burst of createPods. Its
 * partitions move to the launcher's worker, which finishes the interrupted tasks: every pod ends
 * running or in error, none stays pending, and no pod has duplicate containers.
 */
class WorkerFailoverTest extends ServiceTest {

    private static final Path WORKER_JAR = Path.of("..", "pod-worker", "target", "pod-worker-0.1.0-SNAPSHOT-exec.jar");

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    private Process worker;

    @Test
    void aWorkerKilledDuringABurstLeavesNoPodPendingAndNoDuplicates() throws Exception {
        Path log = Files.createTempFile(TestRun.DATA_DIR.getParent(), "external-worker", ".log");
        worker = startExternalWorker(log);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() ->
                Files.readString(log).contains("pod-worker: partitions assigned: [pod-events"));

        List<String> podIds = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            podIds.add(createPod("""
                    {"name": "burst-%d", "instanceType": "g.n2.medium", "terminationGracePeriodSeconds": 1,
                     "containers": [{"name": "app", "image": "%s", "command": ["sleep", "3600"]}]}""".formatted(i, IMAGE)));
            if (i == 9) {
                // the external worker has finished a task of its own, and has others in hand: kill it now
                await().atMost(Duration.ofSeconds(60)).until(() -> Files.readString(log).contains(": PodCreated done"));
                worker.destroyForcibly(); // SIGKILL: no shutdown hooks, no offsets committed
                worker.waitFor();
            }
        }

        for (String podId : podIds) {
            JsonNode pod = awaitPhase(podId, "running", "error");
            assertThat(pod.path("podStatus").path("phase").asText()).isIn("running", "error");
        }
        for (String podId : podIds) {
            assertThat(docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of("pod.id", podId)).exec())
                    .as("containers of %s", podId).hasSize(2);
        }
    }

    private Process startExternalWorker(Path log) throws Exception {
        assertThat(WORKER_JAR).as("built by the reactor before pod-local's tests").exists();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-jar", WORKER_JAR.toString(),
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                "--spring.kafka.consumer.properties.session.timeout.ms=6000",
                "--spring.kafka.consumer.properties.heartbeat.interval.ms=1000",
                "--pod.worker.worker-id=external",
                "--pod.worker.concurrency=3",
                "--pod.worker.reconcile-interval=PT5S",
                "--pod.worker.extra-labels[" + TestRun.LABEL + "]=" + TestRun.ID,
                "--pod.worker.registry-credentials[0].server=" + REGISTRY.address(),
                "--pod.worker.registry-credentials[0].username=" + PrivateRegistry.USERNAME,
                "--pod.worker.registry-credentials[0].password=" + PrivateRegistry.PASSWORD));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    @AfterEach
    void killWorker() {
        if (worker != null && worker.isAlive()) {
            worker.destroyForcibly();
        }
    }
}
