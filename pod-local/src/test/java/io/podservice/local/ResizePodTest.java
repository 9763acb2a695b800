package io.podservice.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.model.HostConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * resizePod on the real node: refused while the pod runs, to its own type, to a type its node has no
 * room for, or with resources past the new type; a stopped pod resized to another type starts with
 * the new budget in its pod cgroup and its node's ledger, a container without limits of its own follows the type, and a
 * container given resources gets them.
 */
class ResizePodTest extends ServiceTest {

    private static final String PODS = "/v1/regions/" + REGION + "/pods";

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aStoppedPodStartsWithItsNewTypesLimits() throws Exception {
        String podId = createPod("""
                {"name": "resized", "instanceType": "g.n2.medium", "terminationGracePeriodSeconds": 0,
                 "containers": [{"name": "app", "image": "%1$s", "command": ["sleep", "3600"]},
                                {"name": "side", "image": "%1$s", "command": ["sleep", "3600"],
                                 "resources": {"limits": {"cpu": "500m", "memoryMB": "512Mi"}}}]}""".formatted(IMAGE));
        awaitPhase(podId, "running");
        String resize = PODS + "/" + podId + ":resize";
        expect(api().post(resize, "{\"instanceType\": \"g.n2.large\"}"), 400, "stopped");

        ok(api().post(PODS + "/" + podId + ":stopPod", "{}"));
        awaitPhase(podId, "stopped");
        expect(api().post(resize, "{\"instanceType\": \"g.n2.medium\"}"), 400, "already");
        expect(api().post(resize, "{\"instanceType\": \"x.no.such\"}"), 400, "Invalid instanceType");
        expect(api().post(resize, "{\"instanceType\": \"g.n2.large\", \"containerResources\": [{\"name\": \"nope\"}]}"),
                400, "containerResources[0].name");
        expect(api().post(resize, """
                {"instanceType": "g.n2.large", "containerResources": [{"name": "side",
                  "resources": {"limits": {"cpu": "3"}}}]}"""), 400, "containerResources[0].resources.limits");
        // the pod's node with room for 3 vCPU besides the pod (the test nodes offer 1000 times their cores, so
        // the rest is claimed as a placement claims it): a 4-vCPU type does not fit where the pod lives
        String node = jdbc.queryForObject("SELECT node_id FROM pod_placement WHERE pod_id = ?", String.class, podId);
        long others = jdbc.queryForObject("SELECT COALESCE(sum(millicores), 0) FROM pod_placement WHERE node_id = ? "
                + "AND pod_id <> ?", Long.class, node, podId);
        long offer = jdbc.queryForObject("SELECT allocatable_millicores FROM node_index WHERE node_id = ?", Long.class, node);
        String claim = "resize-claim-" + TestRun.ID;
        jdbc.update("INSERT INTO pod_placement (pod_id, node_id, generation, millicores, memory_mb) VALUES (?, ?, 1, ?, 0)",
                claim, node, offer - others - 3000);
        try {
            expect(api().post(resize, "{\"instanceType\": \"g.n2.xlarge\"}"), 400, "does not fit on node");
        } finally {
            jdbc.update("DELETE FROM pod_placement WHERE pod_id = ?", claim);
        }
        assertThat(ok(api().get(PODS + "/" + podId)).path("pod").path("instanceType").asText())
                .as("a refused resize changes nothing").isEqualTo("g.n2.medium");

        ok(api().post(resize, """
                {"instanceType": "g.n2.large", "containerResources": [{"name": "side",
                  "resources": {"requests": {"cpu": "250m", "memoryMB": "256Mi"}, "limits": {"cpu": "1500m", "memoryMB": "2Gi"}}}]}"""));
        JsonNode pod = ok(api().get(PODS + "/" + podId)).path("pod");
        assertThat(pod.path("instanceType").asText()).isEqualTo("g.n2.large");
        assertThat(pod.path("podStatus").path("phase").asText()).isEqualTo("stopped");

        assertThat(jdbc.queryForObject("SELECT millicores FROM pod_placement WHERE pod_id = ?", Long.class, podId))
                .as("the node holds the new type's room for the pod").isEqualTo(2000L);
        ok(api().post(PODS + "/" + podId + ":startPod", "{}"));
        awaitPhase(podId, "running");
        HostConfig app = docker.inspectContainerCmd(podId + "-app").exec().getHostConfig();
        assertThat(app.getNanoCPUs()).as("app follows the type").isEqualTo(2_000_000_000L);
        assertThat(app.getMemory()).isEqualTo(8192L * 1024 * 1024);
        HostConfig side = docker.inspectContainerCmd(podId + "-side").exec().getHostConfig();
        assertThat(side.getNanoCPUs()).as("side has the resources given").isEqualTo(1_500_000_000L);
        assertThat(side.getMemory()).isEqualTo(2048L * 1024 * 1024);
        assertThat(podCgroup("cpu", podId, "cpu.cfs_quota_us")).as("2 vCPU for the whole pod").isEqualTo(200_000L);
        assertThat(podCgroup("memory", podId, "memory.limit_in_bytes")).isEqualTo(8192L * 1024 * 1024);

        ok(api().delete(PODS + "/" + podId));
    }
}
