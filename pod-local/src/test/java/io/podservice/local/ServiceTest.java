package io.podservice.local;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import java.time.Duration;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the integration tests: the whole service (the launcher) with its real embedded
 * PostgreSQL and Kafka and the real Docker daemon, one Spring context shared by every test class,
 * and the private registry fixture. Containers the run creates carry its label and are removed
 * at the end ({@link TestRunCleanup}).
 */
@ExtendWith(TestRunCleanup.class) // before @SpringBootTest: prepares the fixtures the context needs
@SpringBootTest(classes = PodLocalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "pod.local.data-dir=target/it-data",
                "pod.local.kafka-port=0",
                "pod.local.kafka-controller-port=0",
                "pod.worker.concurrency=2",
        })
@AutoConfigureObservability
abstract class ServiceTest {

    static final String REGION = "cn-north-1";
    static final PrivateRegistry REGISTRY;
    /** The busybox image in the private registry, absent from the local daemon until a pod pulls it. */
    static final String IMAGE;

    static {
        TestRun.prepareDataDir();
        REGISTRY = new PrivateRegistry();
        REGISTRY.start();
        IMAGE = REGISTRY.pushBusybox();
        System.setProperty("pod.worker.extra-labels." + TestRun.LABEL, TestRun.ID);
        System.setProperty("pod.worker.registry-credentials[0].server", REGISTRY.address());
        System.setProperty("pod.worker.registry-credentials[0].username", PrivateRegistry.USERNAME);
        System.setProperty("pod.worker.registry-credentials[0].password", PrivateRegistry.PASSWORD);
    }

    static final ObjectMapper JSON = new ObjectMapper();

    /** Runs the static initializer (once), before any Spring context of the run starts. */
    static void ensureFixtures() {
        if (IMAGE == null) {
            throw new IllegalStateException("the test image was not pushed");
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    DockerClient docker;

    ApiClient api() {
        return new ApiClient("http://127.0.0.1:" + port);
    }

    /** Polls describePod until the pod's phase is one of {@code phases}; returns the pod. */
    JsonNode awaitPhase(String podId, String... phases) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> {
            ApiClient.Response response = api().get("/v1/regions/" + REGION + "/pods/" + podId);
            last[0] = response.body().path("result").path("pod");
            String phase = last[0].path("podStatus").path("phase").asText();
            return java.util.Arrays.asList(phases).contains(phase);
        });
        return last[0];
    }

    String createPod(String podSpecJson) {
        ApiClient.Response response = api().post("/v1/regions/" + REGION + "/pods", "{\"podSpec\":" + podSpecJson + "}");
        if (response.status() != 200) {
            throw new AssertionError("createPods answered " + response.status() + ": " + response.body());
        }
        return response.body().path("result").path("podIds").get(0).asText();
    }
}
