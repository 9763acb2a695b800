package io.podservice.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** PodSpec fields realized on Docker, rebuildPod, clientToken idempotency, checkPodName and the spec's rules. */
class PodSpecOnDockerTest extends ServiceTest {

    private static final String PODS = "/v1/regions/" + REGION + "/pods";

    @Test
    void hostnameDnsHostAliasesEnvWorkingDirAndArgsReachTheContainer() throws Exception {
        String podId = createPod("""
                {"name": "spec", "instanceType": "g.n2.large", "hostname": "web-1.example",
                 "dnsConfig": {"nameservers": ["10.0.0.53"], "searches": ["svc.example"],
                               "options": [{"name": "ndots", "value": "2"}]},
                 "hostAliases": [{"hostnames": ["db.internal", "cache.internal"], "ip": "10.1.2.3"}],
                 "containers": [{"name": "app", "image": "%s", "workingDir": "/tmp",
                   "command": ["sh", "-c"], "args": ["echo $GREETING; exec sleep 3600"],
                   "env": [{"name": "GREETING", "value": "hi there"}],
                   "resources": {"limits": {"cpu": 0.5, "memoryMB": 256}}}]}""".formatted(IMAGE));
        awaitPhase(podId, "running");
        String app = podId + "-app";
        assertThat(run(app, "hostname")).contains("web-1.example");
        assertThat(run(app, "cat", "/etc/resolv.conf")).contains("nameserver 10.0.0.53").contains("search svc.example")
                .contains("ndots:2");
        assertThat(run(app, "cat", "/etc/hosts")).contains("10.1.2.3").contains("db.internal").contains("cache.internal");
        assertThat(run(app, "pwd")).contains("/tmp");
        await().atMost(Duration.ofSeconds(10)).until(() -> CreatePodTest.logsOf(docker, app).contains("hi there"));
        InspectContainerResponse inspected = docker.inspectContainerCmd(app).exec();
        assertThat(inspected.getHostConfig().getNanoCPUs()).isEqualTo(500_000_000L);
        assertThat(inspected.getHostConfig().getMemory()).isEqualTo(256L * 1024 * 1024);
    }

    @Test
    void dataVolumesAreMountedWithSubPathAndReadOnlyAndAutoDeletedWithThePod() throws Exception {
        String podId = createPod("""
                {"name": "volumes", "instanceType": "g.n2.medium", "terminationGracePeriodSeconds": 1,
                 "volumes": [{"name": "data", "jdcloudDisk": {"sizeGB": 20, "autoDelete": true}},
                             {"name": "keep", "jdcloudDisk": {"sizeGB": 30, "autoDelete": false}}],
                 "containers": [
                   {"name": "writer", "image": "%1$s", "command": ["sh", "-c", "echo saved > /data/file; exec sleep 3600"],
                    "volumeMounts": [{"name": "data", "mountPath": "/data"}, {"name": "keep", "mountPath": "/keep"}]},
                   {"name": "reader", "image": "%1$s", "command": ["sleep", "3600"],
                    "volumeMounts": [{"name": "data", "mountPath": "/ro", "readOnly": true},
                                     {"name": "data", "mountPath": "/sub", "subPath": "nested/dir"}]}]}""".formatted(IMAGE));
        awaitPhase(podId, "running");
        await().atMost(Duration.ofSeconds(10)).until(() -> run(podId + "-reader", "cat", "/ro/file").contains("saved"));
        assertThat(run(podId + "-reader", "sh", "-c", "touch /ro/x 2>&1 || echo refused")).contains("refused");
        run(podId + "-reader", "sh", "-c", "echo in-sub > /sub/f");
        assertThat(run(podId + "-writer", "cat", "/data/nested/dir/f")).contains("in-sub");
        JsonNode disks = ok(api().get("/v1/regions/" + REGION + "/disks?filters.1.name=instanceId&filters.1.values.1="
                + podId)).path("disks");
        assertThat(disks).as("each volume is a cloud disk of the pod").hasSize(2);
        String kept = java.util.stream.StreamSupport.stream(disks.spliterator(), false)
                .filter(d -> d.path("diskSizeGB").asInt() == 30).findFirst().orElseThrow().path("diskId").asText();

        assertThat(api().delete(PODS + "/" + podId).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> api().get(PODS + "/" + podId).status() == 404);
        await("autoDelete disks go with the pod, others stay available").atMost(Duration.ofSeconds(30))
                .until(() -> ok(api().get("/v1/regions/" + REGION + "/disks?filters.1.name=status&filters.1.values.1="
                        + "available&filters.2.name=diskId&filters.2.values.1=" + kept)).path("totalCount").asInt() == 1
                        && ok(api().get("/v1/regions/" + REGION + "/disks?filters.1.name=name&filters.1.values.1="
                        + "volumes-data")).path("totalCount").asInt() == 0);
        assertThat(api().delete("/v1/regions/" + REGION + "/disks/" + kept).status()).isEqualTo(200);
    }

    @Test
    void anEmptyDirIsSharedByThePodsContainersHoldsNoMoreThanItsSizeAndOutlivesARestart() throws Exception {
        String podId = createPod("""
                {"name": "scratch", "instanceType": "g.n2.medium", "terminationGracePeriodSeconds": 1,
                 "volumes": [{"name": "scratch", "emptyDir": {"sizeMB": 10}}],
                 "containers": [
                   {"name": "writer", "image": "%1$s", "command": ["sh", "-c", "echo kept > /scratch/kept; exec sleep 3600"],
                    "volumeMounts": [{"name": "scratch", "mountPath": "/scratch"}]},
                   {"name": "reader", "image": "%1$s", "command": ["sleep", "3600"],
                    "volumeMounts": [{"name": "scratch", "mountPath": "/shared"}]}]}""".formatted(IMAGE));
        awaitPhase(podId, "running");
        await().atMost(Duration.ofSeconds(10)).until(() -> run(podId + "-reader", "cat", "/shared/kept").contains("kept"));
        assertThat(api().get(PODS + "/" + podId).body().path("result").path("pod").path("volumes").get(0)
                .path("emptyDir").path("sizeMB").asInt()).isEqualTo(10);

        // 20 MB into 10: the kernel refuses past the size, and the file holds no more than it
        String full = run(podId + "-writer", "sh", "-c", "dd if=/dev/zero of=/scratch/big bs=1M count=20 2>&1; "
                + "echo size=$(wc -c < /scratch/big)");
        assertThat(full).contains("No space left on device");
        long written = Long.parseLong(full.substring(full.indexOf("size=") + 5).trim());
        assertThat(written).isLessThanOrEqualTo(10L * 1024 * 1024);

        // a container's restart keeps the volume's content (it is the pod's, not the container's)
        docker.killContainerCmd(podId + "-writer").exec();
        await().atMost(Duration.ofSeconds(60)).until(() -> Boolean.TRUE.equals(
                docker.inspectContainerCmd(podId + "-writer").exec().getState().getRunning()));
        assertThat(run(podId + "-writer", "ls", "/scratch")).contains("kept", "big");

        assertThat(api().delete(PODS + "/" + podId).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> api().get(PODS + "/" + podId).status() == 404);
        assertThat(volumes(podId)).as("an emptyDir goes with its pod").isEmpty();
    }

    @Test
    void anEmptyDirOutsideJdCloudsSizesOrBesideADiskIsRefused() {
        for (String volume : new String[] {"{\"name\": \"s\", \"emptyDir\": {\"sizeMB\": 2048}}",
                "{\"name\": \"s\", \"emptyDir\": {\"sizeMB\": 10}, \"jdcloudDisk\": {\"sizeGB\": 20}}",
                "{\"name\": \"s\"}"}) {
            ApiClient.Response refused = api().post(PODS, """
                    {"podSpec": {"name": "bad-scratch", "instanceType": "g.n2.medium", "volumes": [%s],
                     "containers": [{"name": "app", "image": "%s"}]}}""".formatted(volume, IMAGE));
            assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
            assertThat(refused.body().path("error").path("message").asText()).contains("podSpec.volumes[0]");
        }
        ApiClient.Response subPath = api().post(PODS, """
                {"podSpec": {"name": "bad-scratch", "instanceType": "g.n2.medium",
                 "volumes": [{"name": "s", "emptyDir": {"sizeMB": 10}}],
                 "containers": [{"name": "app", "image": "%s",
                   "volumeMounts": [{"name": "s", "mountPath": "/s", "subPath": "part"}]}]}}""".formatted(IMAGE));
        assertThat(subPath.status()).as(subPath.raw()).isEqualTo(400);
        assertThat(subPath.body().path("error").path("message").asText())
                .contains("podSpec.containers[0].volumeMounts[0].subPath");
    }

    @Test
    void rebuildReplacesImagesAndCommandsOfAStoppedPod() {
        String podId = createPod("""
                {"name": "rebuilt", "instanceType": "g.n2.medium", "terminationGracePeriodSeconds": 1,
                 "containers": [{"name": "app", "image": "%s", "command": ["sh", "-c", "echo first; exec sleep 3600"]}]}"""
                .formatted(IMAGE));
        awaitPhase(podId, "running");
        ApiClient.Response early = api().post(PODS + "/" + podId + ":rebuild",
                "{\"containers\": [{\"name\": \"app\", \"image\": \"" + IMAGE + "\"}]}");
        assertThat(early.errorStatus()).as("rebuild needs a stopped pod").isEqualTo("FAILED_PRECONDITION");

        api().post(PODS + "/" + podId + ":stopPod", null);
        awaitPhase(podId, "stopped");
        ApiClient.Response unknown = api().post(PODS + "/" + podId + ":rebuild",
                "{\"containers\": [{\"name\": \"nope\", \"image\": \"" + IMAGE + "\"}]}");
        assertThat(unknown.errorStatus()).isEqualTo("INVALID_ARGUMENT");
        assertThat(unknown.body().path("error").path("message").asText()).contains("containers[0].name");

        ApiClient.Response rebuild = api().post(PODS + "/" + podId + ":rebuild", """
                {"containers": [{"name": "app", "image": "%s", "command": ["sh", "-c", "echo second; exec sleep 3600"],
                                 "env": [{"name": "REBUILT", "value": "yes"}]}]}""".formatted(IMAGE));
        assertThat(rebuild.status()).as(rebuild.raw()).isEqualTo(200);
        JsonNode stopped = awaitPhase(podId, "stopped");
        assertThat(stopped.path("containers").get(0).path("command").toString()).contains("echo second");

        api().post(PODS + "/" + podId + ":startPod", null);
        awaitPhase(podId, "running");
        InspectContainerResponse inspected = docker.inspectContainerCmd(podId + "-app").exec();
        assertThat(String.join(" ", inspected.getConfig().getEntrypoint())).contains("echo second");
        assertThat(inspected.getConfig().getEnv()).contains("REBUILT=yes");
    }

    @Test
    void aClientTokenReplayReturnsTheSamePodsAndCreatesNoMore() throws Exception {
        String body = """
                {"maxCount": 2, "clientToken": "token-%s",
                 "podSpec": {"name": "idem", "instanceType": "g.n2.medium",
                  "containers": [{"name": "app", "image": "%s", "command": ["sleep", "3600"]}]}}"""
                .formatted(TestRun.ID, IMAGE);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<JsonNode>> concurrent = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            concurrent.add(pool.submit((Callable<JsonNode>) () -> api().post(PODS, body).body()));
        }
        Set<String> answers = new java.util.HashSet<>();
        for (Future<JsonNode> answer : concurrent) {
            answers.add(answer.get(60, TimeUnit.SECONDS).path("result").path("podIds").toString());
        }
        pool.shutdown();
        assertThat(answers).as("every duplicate answers the same ids").hasSize(1);
        JsonNode again = api().post(PODS, body).body().path("result").path("podIds");
        assertThat(again.toString()).isEqualTo(answers.iterator().next());
        assertThat(again).hasSize(2);
        again.forEach(id -> awaitPhase(id.asText(), "running"));
        ApiClient.Response listed = api().get(PODS + "?pageSize=100&filters.1.name=name&filters.1.values.1=idem-");
        assertThat(listed.body().path("result").path("totalCount").asInt()).as("nothing more was created").isEqualTo(2);
        for (JsonNode id : again) {
            assertThat(docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of("pod.id", id.asText())).exec())
                    .as("one set of containers per pod").hasSize(2);
        }
    }

    @Test
    void checkPodNameSaysValidTakenOrInvalid() {
        String podId = createPod("""
                {"name": "named-%s", "instanceType": "g.n2.medium",
                 "containers": [{"name": "app", "image": "%s", "command": ["sleep", "3600"]}]}""".formatted(TestRun.ID, IMAGE));
        // JD Cloud's codes: 0 usable, 1 empty, 2 against the rule, 3 taken; right after the create (read-your-writes)
        JsonNode taken = api().post(PODS + ":checkPodName", "{\"podName\": \"named-" + TestRun.ID + "\"}").body()
                .path("result");
        assertThat(taken.path("code").asInt()).isEqualTo(3);
        assertThat(taken.path("reason").asText()).contains("already used");
        assertThat(api().post(PODS + ":checkPodName", "{\"podName\": \"\"}").body().path("result").path("code").asInt())
                .isEqualTo(1);
        JsonNode free = api().post(PODS + ":checkPodName", "{\"podName\": \"free-" + TestRun.ID + "\"}").body().path("result");
        assertThat(free.path("code").asInt()).isZero();
        JsonNode invalid = api().post(PODS + ":checkPodName", "{\"podName\": \"Not_Valid\"}").body().path("result");
        assertThat(invalid.path("code").asInt()).isEqualTo(2);
        assertThat(invalid.path("reason").asText()).contains("DNS-1123");
        JsonNode otherAccount = otherApi().post(PODS + ":checkPodName", "{\"podName\": \"named-" + TestRun.ID + "\"}")
                .body().path("result");
        assertThat(otherAccount.path("code").asInt()).as("names are per account").isZero();
        awaitPhase(podId, "running");
    }

    private List<String> volumes(String podId) {
        List<InspectVolumeResponse> volumes = docker.listVolumesCmd().withFilter("label", List.of("pod.id=" + podId))
                .exec().getVolumes();
        return volumes == null ? List.of() : volumes.stream().map(InspectVolumeResponse::getName).toList();
    }

}
