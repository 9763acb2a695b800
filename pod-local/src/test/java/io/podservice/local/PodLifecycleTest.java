package io.podservice.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.model.Container;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** stopPod, startPod, deletePod and modifyPodAttribute on real containers, and the phases that guard them. */
class PodLifecycleTest extends ServiceTest {

    private static final String PODS = "/v1/regions/" + REGION + "/pods";

    @Test
    void aPodStopsStartsAndIsDeleted() {
        String podId = createPod("""
                {"name": "cycle", "instanceType": "g.n2.medium", "terminationGracePeriodSeconds": 2,
                 "containers": [{"name": "app", "image": "%s", "command": ["sleep", "3600"]}]}""".formatted(IMAGE));
        awaitPhase(podId, "running");

        assertThat(api().post(PODS + "/" + podId + ":stopPod", null).status()).isEqualTo(200);
        JsonNode stopped = awaitPhase(podId, "stopped", "error");
        assertThat(stopped.path("podStatus").path("phase").asText()).isEqualTo("stopped");
        assertThat(stopped.path("containers").get(0).path("containerStatus").path("state").has("terminated")).isTrue();
        assertThat(containers(podId)).allMatch(c -> "exited".equals(c.getState()));

        assertThat(api().post(PODS + "/" + podId + ":startPod", null).status()).isEqualTo(200);
        JsonNode restarted = awaitPhase(podId, "running", "error");
        assertThat(restarted.path("podStatus").path("phase").asText()).isEqualTo("running");
        assertThat(containers(podId)).hasSize(2).allMatch(c -> "running".equals(c.getState()));

        assertThat(api().delete(PODS + "/" + podId).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> api().get(PODS + "/" + podId).status() == 404);
        assertThat(containers(podId)).isEmpty();
        assertThat(api().delete(PODS + "/" + podId).status()).as("a deleted pod is gone").isEqualTo(404);
    }

    @Test
    void operationsRefusedInTheWrongPhaseNameThePhase() {
        String podId = createPod("""
                {"name": "guarded", "instanceType": "g.n2.medium", "terminationGracePeriodSeconds": 1,
                 "containers": [{"name": "app", "image": "%s", "command": ["sleep", "3600"]}]}""".formatted(IMAGE));
        awaitPhase(podId, "running");

        ApiClient.Response start = api().post(PODS + "/" + podId + ":startPod", null);
        assertThat(start.status()).isEqualTo(400);
        assertThat(start.errorStatus()).isEqualTo("FAILED_PRECONDITION");
        assertThat(start.body().path("error").path("message").asText()).contains("running");

        assertThat(api().post(PODS + "/" + podId + ":stopPod", null).status()).isEqualTo(200);
        // stopping is transitional: a second stop (or a delete) must wait
        ApiClient.Response again = api().post(PODS + "/" + podId + ":stopPod", null);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.errorStatus()).isEqualTo("FAILED_PRECONDITION");
        awaitPhase(podId, "stopped");
    }

    @Test
    void modifyPodAttributeChangesNameAndDescription() {
        String podId = createPod("""
                {"name": "before", "instanceType": "g.n2.medium",
                 "containers": [{"name": "app", "image": "%s", "command": ["sleep", "3600"]}]}""".formatted(IMAGE));
        ApiClient.Response modified = api().patch(PODS + "/" + podId + ":modifyPodAttribute",
                "{\"name\": \"after\", \"description\": \"renamed\"}");
        assertThat(modified.status()).as(modified.raw()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                "after".equals(api().get(PODS + "/" + podId).body().path("result").path("pod").path("name").asText()));
        JsonNode pod = api().get(PODS + "/" + podId).body().path("result").path("pod");
        assertThat(pod.path("description").asText()).isEqualTo("renamed");
        assertThat(api().get(PODS + "?pageSize=10&filters.1.name=name&filters.1.values.1=aft").body()
                .path("result").path("pods").findValuesAsText("podId")).contains(podId);
        awaitPhase(podId, "running");
    }

    @Test
    void describePodsValidatesPagingAndFilters() {
        assertThat(api().get(PODS + "?pageSize=5").errorStatus()).isEqualTo("INVALID_ARGUMENT");
        ApiClient.Response unknown = api().get(PODS + "?filters.1.name=color&filters.1.values.1=red");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().path("error").path("message").asText()).contains("filters.1.name");
    }

    private List<Container> containers(String podId) {
        return docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of("pod.id", podId)).exec();
    }
}
