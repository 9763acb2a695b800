package io.podservice.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Config files through the API and on the real node: created, described, mounted by a pod (every
 * key, or chosen keys at paths with modes), updated while the pod runs (the pod sees the new
 * content within the nodes' sync interval), refused deletion while mounted; and their errors.
 */
class ConfigFilesTest extends ServiceTest {

    private static final String FILES = "/v1/regions/" + REGION + "/configFiles";
    private static final String PODS = "/v1/regions/" + REGION + "/pods";

    @Test
    void aPodSeesItsConfigFileAndItsUpdatesAndTheFileIsNotDeletedWhileMounted() throws Exception {
        String name = "app-" + TestRun.ID;
        ok(api().post(FILES, """
                {"name": "%s", "data": [{"key": "app.conf", "value": "%s"}, {"key": "other", "value": "%s"}]}"""
                .formatted(name, b64("version one"), b64("x"))));
        JsonNode described = ok(api().get(FILES + "/" + name)).path("configFile");
        assertThat(described.path("name").asText()).isEqualTo(name);
        assertThat(described.path("data").get(0).path("key").asText()).isEqualTo("app.conf");
        assertThat(described.path("data").get(0).path("value").asText()).isEqualTo(b64("version one"));

        String podId = createPod("""
                {"name": "configured", "instanceType": "g.n2.medium", "terminationGracePeriodSeconds": 1,
                 "volumes": [{"name": "all", "configFile": {"name": "%1$s"}},
                             {"name": "some", "configFile": {"name": "%1$s", "defaultMode": "0644",
                              "fileToPath": [{"key": "app.conf", "path": "conf/main.conf", "mode": "0600"}]}}],
                 "containers": [{"name": "app", "image": "%2$s", "command": ["sleep", "3600"],
                   "volumeMounts": [{"name": "all", "mountPath": "/etc/app"}, {"name": "some", "mountPath": "/cfg"}]}]}"""
                .formatted(name, IMAGE));
        awaitPhase(podId, "running");
        assertThat(exec(podId + "-app", "cat", "/etc/app/app.conf")).isEqualTo("version one");
        assertThat(exec(podId + "-app", "cat", "/etc/app/other")).isEqualTo("x");
        assertThat(exec(podId + "-app", "cat", "/cfg/conf/main.conf")).isEqualTo("version one");
        assertThat(exec(podId + "-app", "sh", "-c", "ls /cfg/conf")).contains("main.conf").doesNotContain("other");
        assertThat(exec(podId + "-app", "sh", "-c", "ls -lL /cfg/conf/main.conf")).startsWith("-rw-------");
        assertThat(exec(podId + "-app", "sh", "-c", "echo no > /etc/app/app.conf 2>&1 || echo refused"))
                .contains("refused");

        // deleting it while the pod mounts it: refused, naming the pod
        ApiClient.Response inUse = api().delete(FILES + "/" + name);
        assertThat(inUse.status()).as(inUse.raw()).isEqualTo(400);
        assertThat(inUse.body().path("error").path("message").asText()).contains("in use", podId);

        // an update reaches the running pod
        ok(api().post(FILES + "/" + name + ":update", """
                {"data": [{"key": "app.conf", "value": "%s"}]}""".formatted(b64("version two"))));
        assertThat(ok(api().get(FILES + "/" + name)).path("configFile").path("data")).hasSize(1);
        await().atMost(Duration.ofSeconds(40)).until(() -> exec(podId + "-app", "cat", "/etc/app/app.conf")
                .equals("version two"));
        assertThat(exec(podId + "-app", "cat", "/cfg/conf/main.conf")).isEqualTo("version two");
        assertThat(exec(podId + "-app", "sh", "-c", "ls /etc/app")).as("a key the new version lacks is gone")
                .doesNotContain("other");

        ok(api().delete(PODS + "/" + podId));
        await().atMost(Duration.ofSeconds(60)).until(() -> api().get(PODS + "/" + podId).status() == 404);
        ok(api().delete(FILES + "/" + name));
        assertThat(api().get(FILES + "/" + name).status()).isEqualTo(404);
    }

    @Test
    void configFilesAnswerTheirErrorsInTheApisFormat() {
        String name = "errors-" + TestRun.ID;
        ok(api().post(FILES, "{\"name\": \"%s\", \"data\": [{\"key\": \"k\", \"value\": \"%s\"}]}".formatted(name, b64("v"))));
        expect(api().post(FILES, "{\"name\": \"%s\", \"data\": [{\"key\": \"k\", \"value\": \"%s\"}]}"
                .formatted(name, b64("v"))), 409, "already exists");
        expect(api().post(FILES, "{\"name\": \"Bad_Name\", \"data\": [{\"key\": \"k\", \"value\": \"dg==\"}]}"), 400,
                "Invalid name");
        expect(api().post(FILES, "{\"name\": \"b64-" + TestRun.ID + "\", \"data\": [{\"key\": \"k\", \"value\": \"not base64!\"}]}"),
                400, "data[0].value");
        expect(api().post(FILES, "{\"name\": \"dup-" + TestRun.ID + "\", \"data\": [{\"key\": \"k\", \"value\": \"\"}, "
                + "{\"key\": \"k\", \"value\": \"\"}]}"), 400, "data[1].key");
        expect(api().post(FILES, "{\"name\": \"empty-" + TestRun.ID + "\", \"data\": []}"), 400, "Invalid data");
        for (String key : new String[] {".", "..data", "a/b"}) {
            expect(api().post(FILES, "{\"name\": \"keys-" + TestRun.ID + "\", \"data\": [{\"key\": \"" + key
                    + "\", \"value\": \"\"}]}"), 400, "data[0].key");
        }
        expect(api().get(FILES + "/no-such-file"), 404, "not found");
        expect(api().post(FILES + "/no-such-file:update", "{\"data\": [{\"key\": \"k\", \"value\": \"\"}]}"), 404,
                "not found");
        expect(api().delete(FILES + "/no-such-file"), 404, "not found");
        // another account sees none of it
        assertThat(otherApi().get(FILES + "/" + name).status()).isEqualTo(404);

        // createPods naming a config file that does not exist, or a key it lacks
        expect(api().post(PODS, podWith("{\"name\": \"no-such-file\"}")), 400, "podSpec.volumes[0].configFile.name");
        expect(api().post(PODS, podWith("{\"name\": \"%s\", \"fileToPath\": [{\"key\": \"missing\"}]}".formatted(name))),
                400, "podSpec.volumes[0].configFile.fileToPath[0].key");
        expect(api().post(PODS, podWith("{\"name\": \"%s\", \"fileToPath\": [{\"key\": \"k\", \"path\": \"../escape\"}]}"
                .formatted(name))), 400, "fileToPath[0].path");
        ok(api().delete(FILES + "/" + name));
    }

    /** The command's output in the container, without the trailing newline. */
    private String exec(String container, String... command) throws InterruptedException {
        return run(container, command).trim();
    }

    private static String podWith(String configFile) {
        return """
                {"podSpec": {"name": "bad-config", "instanceType": "g.n2.medium",
                 "volumes": [{"name": "cfg", "configFile": %s}],
                 "containers": [{"name": "app", "image": "%s", "volumeMounts": [{"name": "cfg", "mountPath": "/cfg"}]}]}}"""
                .formatted(configFile, IMAGE);
    }
}
