package io.podservice.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import io.podservice.api.node.NodeIdentity;
import io.podservice.events.PodPhase;
import io.podservice.query.pods.PodView;
import io.podservice.query.pods.PodViewRepository;

/**
 * A second node, the pod-worker application in its own JVM, takes its share of a burst of
 * createPods (the scheduler spreads them) and is killed with SIGKILL in the middle of it. The
 * pods placed on it stay there until it is declared lost (8 s without heartbeats here); then each
 * is moved to the launcher's node (restartPolicy Always) and created there afresh: every pod ends
 * running on the live node, none stays pending, and no pod has duplicate containers.
 */
class WorkerFailoverTest extends ServiceTest {

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    private ExternalWorker worker;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Autowired
    PodViewRepository views;

    @Autowired
    NodeIdentity localNode;

    @Test
    void aWorkerKilledDuringABurstLeavesNoPodPendingAndNoDuplicates() throws Exception {
        // as much room as the launcher's node (they share the machine): the scheduler alternates between them
        worker = ExternalWorker.start(bootstrapServers, "external", "--pod.worker.cpu-allocation-ratio=1000",
                "--pod.worker.memory-allocation-ratio=1000", "--pod.worker.heartbeat-interval=PT1S");
        ExternalWorker.awaitReady(jdbc, "external");

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

        assertThat(podIds.stream().map(id -> views.find(id).map(PodView::nodeId).orElse(null)))
                .as("the burst was spread over both nodes").contains("external");
        for (String podId : podIds) {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> views.find(podId)
                    .filter(view -> localNode.nodeId().equals(view.nodeId()) && view.phase() == PodPhase.RUNNING)
                    .isPresent());
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
