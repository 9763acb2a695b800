package io.podservice.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
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

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    private ExternalWorker worker;

    @Test
    void aWorkerKilledDuringABurstLeavesNoPodPendingAndNoDuplicates() throws Exception {
        worker = ExternalWorker.start(bootstrapServers, "external");

        List<String> podIds = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            podIds.add(createPod("""
                    {"name": "burst-%d", "instanceType": "g.n2.medium", "terminationGracePeriodSeconds": 1,
                     "containers": [{"name": "app", "image": "%s", "command": ["sleep", "3600"]}]}""".formatted(i, IMAGE)));
            if (i == 9) {
                // the external worker has finished a task of its own, and has others in hand: kill it now
                await().atMost(Duration.ofSeconds(60)).until(() -> worker.log().contains(": PodCreated done"));
                worker.kill();
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

    @AfterEach
    void stopWorker() throws InterruptedException {
        if (worker != null) {
            worker.close();
        }
    }
}
