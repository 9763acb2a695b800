package io.podservice.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Tenants' images and the node's registry logins: the node's credentials pull for tenants only
 * from registries the operator shares; a private image already on the node runs only for a tenant
 * whose credentials the registry accepts for it; an image reference cannot point the node's Docker
 * daemon at an internal address, and no registry's answer reaches a pod's status.
 */
class RegistryIsolationTest extends ServiceTest {

    private static final String BASE = "/v1/regions/" + REGION;

    @Test
    void theNodesLoginIsNotLentToTenants() {
        JsonNode pod = awaitPhase(createPod(podSpec("borrower", NODE_LOGIN_IMAGE, null)), "error", "running");
        assertThat(pod.path("podStatus").path("phase").asText()).isEqualTo("error");
        assertThat(pod.path("podStatus").path("reason").asText()).isEqualTo("ErrImagePull");
        assertThat(pod.path("podStatus").path("message").asText()).contains(NODE_LOGIN_IMAGE).contains("unauthorized");
    }

    @Test
    void aPrivateImageOnTheNodeRunsOnlyWithARightToIt() {
        // tenant A pulls the private image with its secret: it is now on the node
        createSecret(api(), "node-login-a", NODE_LOGIN_PASSWORD);
        String owner = createPod(podSpec("owner", NODE_LOGIN_IMAGE, "node-login-a"));
        assertThat(awaitPhase(owner, "running", "error").path("podStatus").path("phase").asText()).isEqualTo("running");

        // tenant B names the same image without a secret, then with a wrong one: refused, though the image is here
        ApiClient other = otherApi();
        JsonNode without = awaitPhase(other, create(other, podSpec("taker", NODE_LOGIN_IMAGE, null)), "error", "running");
        assertThat(without.path("podStatus").path("phase").asText()).isEqualTo("error");
        assertThat(without.path("podStatus").path("message").asText()).contains("unauthorized");
        createSecret(other, "node-login-b", "not-" + NODE_LOGIN_PASSWORD);
        JsonNode wrong = awaitPhase(other, create(other, podSpec("guesser", NODE_LOGIN_IMAGE, "node-login-b")), "error",
                "running");
        assertThat(wrong.path("podStatus").path("phase").asText()).isEqualTo("error");
        assertThat(wrong.path("podStatus").path("message").asText()).contains("unauthorized");

        // with the right credentials, B may run it too
        createSecret(other, "node-login-c", NODE_LOGIN_PASSWORD);
        JsonNode right = awaitPhase(other, create(other, podSpec("licensee", NODE_LOGIN_IMAGE, "node-login-c")), "running",
                "error");
        assertThat(right.path("podStatus").path("phase").asText()).isEqualTo("running");
    }

    @Test
    void imagesOnInternalAddressesAreRefusedAndNoRegistryAnswerIsEchoed() {
        for (String image : new String[] {"172.17.0.1:" + port + "/x/y:1", "169.254.169.254/latest/meta:1",
                "10.1.2.3:5000/x:1", "localhost:" + port + "/x/y:1"}) {
            JsonNode pod = awaitPhase(createPod(podSpec("internal", image, null)), "error", "running");
            assertThat(pod.path("podStatus").path("phase").asText()).as(image).isEqualTo("error");
            assertThat(pod.path("podStatus").path("message").asText()).as(image).contains("internal address");
        }
        // an allowed registry that is not one: the service's own port on loopback; its JSON is not echoed
        JsonNode notARegistry = awaitPhase(createPod(podSpec("echo", "127.0.0.1:" + port + "/x/y:1", null)), "error",
                "running");
        assertThat(notARegistry.path("podStatus").path("reason").asText()).isEqualTo("ErrImagePull");
        assertThat(notARegistry.path("podStatus").path("message").asText()).doesNotContain("requestId")
                .doesNotContain("UNAUTHENTICATED").doesNotContain("{");
    }

    private static String podSpec(String name, String image, String secret) {
        return """
                {"name": "%s", "instanceType": "g.n2.medium", "terminationGracePeriodSeconds": 0,
                 "containers": [{"name": "app", "image": "%s", "command": ["sleep", "3600"]%s}]}"""
                .formatted(name, image, secret == null ? "" : ", \"secret\": \"" + secret + "\"");
    }

    private static String create(ApiClient client, String podSpec) {
        ApiClient.Response response = client.post(BASE + "/pods", "{\"podSpec\": " + podSpec + "}");
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.body().path("result").path("podIds").get(0).asText();
    }

    private static void createSecret(ApiClient client, String name, String password) {
        ApiClient.Response response = client.post(BASE + "/secrets", """
                {"name": "%s", "secretType": "docker-registry",
                 "data": {"server": "%s", "username": "%s", "password": "%s"}}"""
                .formatted(name, b64(NODE_LOGIN.address()), b64("node-login"), b64(password)));
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
    }
}
