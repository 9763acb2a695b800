package io.podservice.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The instance type is the pod's budget, not each container's: all containers of a pod run in one
 * cgroup capped at the type's CPU and memory and at the pod's process limit (128 in the tests), so a
 * fork bomb stops there; a pod of more containers than JD Cloud allows (8) is refused.
 */
class PodBudgetTest extends ServiceTest {

    private static final String PODS = "/v1/regions/" + REGION + "/pods";
    @Test
    void threeContainersShareOneInstanceTypeAndAForkBombStopsAtThePodsLimit() throws Exception {
        String container = "{\"name\": \"%s\", \"image\": \"" + IMAGE + "\", \"command\": [\"sleep\", \"3600\"]}";
        String podId = createPod("""
                {"name": "budget", "instanceType": "g.n2.medium", "terminationGracePeriodSeconds": 0,
                 "containers": [%s, %s, %s]}""".formatted(container.formatted("a"), container.formatted("b"),
                container.formatted("c")));
        awaitPhase(podId, "running");

        String parent = "/" + TestRun.CGROUP_ROOT + "/" + podId;
        for (String name : new String[] {"a", "b", "c"}) {
            assertThat(docker.inspectContainerCmd(podId + "-" + name).exec().getHostConfig().getCgroupParent())
                    .as("container %s runs in the pod's cgroup", name).isEqualTo(parent);
        }
        assertThat(podCgroup("memory", podId, "memory.limit_in_bytes")).isEqualTo(4096L * 1024 * 1024);
        assertThat(podCgroup("cpu", podId, "cpu.cfs_quota_us")).as("1 vCPU for the whole pod").isEqualTo(100_000L);
        assertThat(podCgroup("pids", podId, "pids.max")).isEqualTo(128L);

        String base = PODS + "/" + podId + "/containers/a";
        ApiClient.Response exec = api().post(base + ":execCreate", "{\"command\": [\"sh\", \"-c\", "
                + "\"i=0; while [ $i -lt 400 ]; do sleep 120 & i=$((i+1)); done 2>/dev/null; echo END\"], \"tty\": false}");
        ApiWebSocket bomb = ApiWebSocket.connect(port, base + ":execStart?execId="
                + exec.body().path("result").path("execId").asText());
        await().atMost(Duration.ofSeconds(60)).until(() -> bomb.stdout().contains("END") || bomb.closed.get());
        assertThat(podCgroup("pids", podId, "pids.current")).as("processes of the whole pod").isLessThanOrEqualTo(128L);
        api().delete(PODS + "/" + podId);
    }

    @Test
    void moreContainersThanJdCloudAllowsAreRefused() {
        StringBuilder containers = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            containers.append(i == 0 ? "" : ",").append("{\"name\": \"c").append(i).append("\", \"image\": \"").append(IMAGE)
                    .append("\"}");
        }
        ApiClient.Response refused = api().post(PODS, "{\"podSpec\": {\"name\": \"crowd\", \"instanceType\": "
                + "\"g.n2.medium\", \"containers\": [" + containers + "]}}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("error").path("message").asText()).contains("podSpec.containers").contains("8");
    }

}
