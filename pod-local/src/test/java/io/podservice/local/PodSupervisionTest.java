package io.podservice.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** restartPolicy, exits, OOM kills and probes, as describePod shows them. */
class PodSupervisionTest extends ServiceTest {

    private static final String PODS = "/v1/regions/" + REGION + "/pods";

    @Test
    void alwaysRestartsAnExitingContainerWithRestartCountRising() {
        String podId = createPod(spec("always", "Always", "\"command\": [\"sh\", \"-c\", \"echo run; sleep 1; exit 1\"]"));
        awaitPhase(podId, "running");
        JsonNode status = awaitContainer(podId, Duration.ofSeconds(60), s -> s.path("restartCount").asInt() >= 2);
        assertThat(status.path("lastState").path("terminated").path("exitCode").asInt()).isEqualTo(1);
        assertThat(status.path("lastState").path("terminated").path("reason").asText()).isEqualTo("Error");
    }

    @Test
    void neverLeavesAnExitedContainerTerminatedWithItsExitCode() {
        String podId = createPod(spec("never", "Never", "\"command\": [\"sh\", \"-c\", \"sleep 1; exit 3\"]"));
        awaitPhase(podId, "running");
        JsonNode status = awaitContainer(podId, Duration.ofSeconds(30),
                s -> s.path("state").has("terminated"));
        assertThat(status.path("state").path("terminated").path("exitCode").asInt()).isEqualTo(3);
        assertThat(status.path("state").path("terminated").path("reason").asText()).isEqualTo("Error");
        assertThat(status.path("restartCount").asInt()).isZero();
        assertThat(status.path("ready").asBoolean()).isFalse();
    }

    @Test
    void aProcessOverItsMemoryLimitIsOomKilled() {
        String podId = createPod(spec("hungry", "Never", """
                "command": ["sh", "-c", "sleep 1; x=aaaaaaaaaaaaaaaa; while true; do x=$x$x; done"],
                "resources": {"limits": {"memoryMB": 16}}"""));
        awaitPhase(podId, "running", "error");
        JsonNode status = awaitContainer(podId, Duration.ofSeconds(60), s -> s.path("state").has("terminated"));
        assertThat(status.path("state").path("terminated").path("reason").asText()).isEqualTo("OOMKilled");
        assertThat(status.path("state").path("terminated").path("exitCode").asInt()).isEqualTo(137);
        assertThat(status.path("state").path("terminated").path("signal").asInt()).isEqualTo(9);
    }

    @Test
    void aFailingLivenessProbeRestartsTheContainer() {
        String podId = createPod(spec("unhealthy", "Always", """
                "command": ["sh", "-c", "touch /tmp/healthy; sleep 4; rm /tmp/healthy; exec sleep 3600"],
                "livenessProbe": {"exec": {"command": ["cat", "/tmp/healthy"]},
                                  "periodSeconds": 1, "failureThreshold": 2, "timeoutSeconds": 2}"""));
        awaitPhase(podId, "running");
        JsonNode status = awaitContainer(podId, Duration.ofSeconds(60), s -> s.path("restartCount").asInt() >= 1);
        assertThat(status.path("lastState").has("terminated")).isTrue();
    }

    @Test
    void readinessTogglesTheReadyCondition() throws InterruptedException {
        String podId = createPod(spec("ready", "Always", """
                "command": ["sh", "-c", "sleep 2; touch /tmp/ready; exec sleep 3600"],
                "readinessProbe": {"exec": {"command": ["test", "-f", "/tmp/ready"]},
                                   "periodSeconds": 1, "failureThreshold": 1, "successThreshold": 1}"""));
        JsonNode running = awaitPhase(podId, "running");
        assertThat(readyCondition(running)).as("not ready before the probe passes").isEqualTo("False");
        await().atMost(Duration.ofSeconds(30)).until(() -> "True".equals(readyCondition(describe(podId))));
        assertThat(describe(podId).path("containers").get(0).path("containerStatus").path("ready").asBoolean()).isTrue();

        String exec = docker.execCreateCmd(podId + "-app").withCmd("rm", "/tmp/ready").exec().getId();
        docker.execStartCmd(exec).exec(new com.github.dockerjava.api.async.ResultCallback.Adapter<>())
                .awaitCompletion(10, java.util.concurrent.TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(30)).until(() -> "False".equals(readyCondition(describe(podId))));
    }

    @Test
    void stopGivesASigtermTrappingProcessItsGracePeriod() throws Exception {
        String podId = createPod("""
                {"name": "graceful", "instanceType": "g.n2.medium", "terminationGracePeriodSeconds": 20,
                 "containers": [{"name": "app", "image": "%s",
                   "command": ["sh", "-c", "trap 'echo got-term; sleep 2; echo clean-exit; exit 0' TERM; while true; do sleep 1; done"]}]}"""
                .formatted(IMAGE));
        awaitPhase(podId, "running");
        assertThat(api().post(PODS + "/" + podId + ":stopPod", null).status()).isEqualTo(200);
        JsonNode stopped = awaitPhase(podId, "stopped");
        JsonNode terminated = stopped.path("containers").get(0).path("containerStatus").path("state").path("terminated");
        assertThat(terminated.path("exitCode").asInt()).as("exited by itself, not SIGKILLed").isZero();
        assertThat(CreatePodTest.logsOf(docker, podId + "-app")).contains("got-term").contains("clean-exit");
    }

    private String spec(String name, String restartPolicy, String containerFields) {
        return """
                {"name": "%s", "instanceType": "g.n2.medium", "restartPolicy": "%s", "terminationGracePeriodSeconds": 1,
                 "containers": [{"name": "app", "image": "%s", %s}]}""".formatted(name, restartPolicy, IMAGE, containerFields);
    }

    private JsonNode describe(String podId) {
        return api().get(PODS + "/" + podId).body().path("result").path("pod");
    }

    private static String readyCondition(JsonNode pod) {
        for (JsonNode condition : pod.path("podStatus").path("conditions")) {
            if ("Ready".equals(condition.path("conditionType").asText())) {
                return condition.path("status").asText();
            }
        }
        return "";
    }

    private JsonNode awaitContainer(String podId, Duration atMost, java.util.function.Predicate<JsonNode> condition) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(atMost).pollInterval(Duration.ofMillis(500)).until(() -> {
            last[0] = describe(podId).path("containers").get(0).path("containerStatus");
            return last[0] != null && condition.test(last[0]);
        });
        return last[0];
    }
}
