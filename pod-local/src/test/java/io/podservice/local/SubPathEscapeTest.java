package io.podservice.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The subPath escape, performed: a pod mounts its volume at /data and the volume's sub-directory
 * {@code esc} at /host; its first run replaces /data/esc with a link to / and exits; restartPolicy
 * Always starts it again. The host's root is never visible at /host, and the restart is refused with
 * a reason naming the subPath.
 */
class SubPathEscapeTest extends ServiceTest {

    private static final String PODS = "/v1/regions/" + REGION + "/pods";

    @Test
    void aLinkPlantedInAVolumeNeverExposesTheHost() throws Exception {
        String attack = "if [ -L /data/esc ]; then exec sleep 3600; fi; "
                + "test -S /host/var/run/docker.sock && echo FIRST-RUN-ESCAPED > /data/verdict; "
                + "rmdir /data/esc 2>/dev/null || mv /data/esc /data/esc.old; ln -s / /data/esc; exit 1";
        String podId = createPod("""
                {"name": "escaper", "instanceType": "g.n2.medium", "restartPolicy": "Always",
                 "terminationGracePeriodSeconds": 0,
                 "volumes": [{"name": "v", "jdcloudDisk": {"sizeGB": 20}}],
                 "containers": [
                   {"name": "app", "image": "%s", "command": ["sh", "-c", "%s"],
                    "volumeMounts": [{"name": "v", "mountPath": "/data"},
                                     {"name": "v", "mountPath": "/host", "subPath": "esc"}]},
                   {"name": "watcher", "image": "%s", "command": ["sleep", "3600"],
                    "volumeMounts": [{"name": "v", "mountPath": "/data"}]}]}"""
                .formatted(IMAGE, attack, IMAGE));
        awaitPhase(podId, "running");

        // the first run planted the link and exited; its restart is refused, naming the subPath
        JsonNode[] app = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode pod = api().get(PODS + "/" + podId).body().path("result").path("pod");
            app[0] = pod.path("containers").get(0).path("containerStatus");
            return "CreateContainerConfigError".equals(app[0].path("state").path("waiting").path("reason").asText());
        });
        assertThat(app[0].path("state").path("waiting").path("message").asText()).contains("subPath 'esc'")
                .contains("symbolic link");
        assertThat(exec(podId, "watcher", "test -L /data/esc && echo LINKED; cat /data/verdict 2>/dev/null; echo END"))
                .as("the link is there, and the first run never saw the host").contains("LINKED")
                .doesNotContain("ESCAPED");
        assertThat(docker.inspectContainerCmd(podId + "-app").exec().getState().getRunning()).isFalse();

        // a stop and start checks it again: still refused, never the host's root
        api().post(PODS + "/" + podId + ":stopPod", null);
        awaitPhase(podId, "stopped");
        api().post(PODS + "/" + podId + ":startPod", null);
        JsonNode failed = awaitPhase(podId, "error", "running");
        assertThat(failed.path("podStatus").path("phase").asText()).isEqualTo("error");
        assertThat(failed.path("podStatus").path("message").asText()).contains("subPath 'esc'");
        api().delete(PODS + "/" + podId);
    }

    private String exec(String podId, String container, String script) throws Exception {
        String base = PODS + "/" + podId + "/containers/" + container;
        ApiClient.Response exec = api().post(base + ":execCreate", "{\"command\": [\"sh\", \"-c\", \"" + script
                + "\"], \"tty\": false}");
        assertThat(exec.status()).as(exec.raw()).isEqualTo(200);
        ApiWebSocket stream = ApiWebSocket.connect(port, base + ":execStart?execId="
                + exec.body().path("result").path("execId").asText());
        await().atMost(Duration.ofSeconds(20)).until(() -> stream.stdout().contains("END"));
        return stream.stdout();
    }
}
