package io.podservice.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.model.Container;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The worker converges Docker to what should run: missing containers come back, strays go. */
class ReconciliationTest extends ServiceTest {

    @Test
    void aContainerRemovedBehindTheWorkersBackIsCreatedAgain() {
        String podId = createPod("""
                {"name": "healing", "instanceType": "g.n2.medium",
                 "containers": [{"name": "app", "image": "%s", "command": ["sleep", "3600"]}]}""".formatted(IMAGE));
        awaitPhase(podId, "running");
        docker.removeContainerCmd(podId + "-app").withForce(true).exec();
        await().atMost(Duration.ofSeconds(60)).until(() -> containers(podId).stream()
                .filter(c -> "running".equals(c.getState())).count() == 2);
    }

    @Test
    void containersOfNoPodAreRemoved() {
        String stray = "pod-stray" + TestRun.ID.substring(0, 1);
        Map<String, String> labels = new HashMap<>(TestRun.labels());
        labels.put("pod.id", stray);
        labels.put("pod.container", "app");
        labels.put("pod.managed-by", "pod-service");
        // another installation's container on the same daemon: never this worker's to remove
        Map<String, String> foreign = new HashMap<>(labels);
        foreign.put("pod.cluster", "another-installation");
        foreign.put("pod.id", stray + "x");
        docker.createContainerCmd("pod-service/busybox:1").withName(stray + "x-app").withLabels(foreign)
                .withCmd("sleep", "3600").exec();
        labels.put("pod.cluster", TestRun.cluster());
        docker.createContainerCmd("pod-service/busybox:1").withName(stray + "-app").withLabels(labels)
                .withCmd("sleep", "3600").exec();
        await().atMost(Duration.ofSeconds(60)).until(() -> containers(stray).isEmpty());
        assertThat(containers(stray + "x")).as("another installation's container is left alone").hasSize(1);
        docker.removeContainerCmd(stray + "x-app").withForce(true).exec();
    }

    private List<Container> containers(String podId) {
        return docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of("pod.id", podId)).exec();
    }
}
