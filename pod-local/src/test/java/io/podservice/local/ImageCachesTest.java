package io.podservice.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Image caches on the real node, against a registry of their own that only a secret opens: the
 * image absent from the node, a cache pulls it with the secret (Ready, its size); a pod naming the
 * cache starts without the registry serving anything for it, where a pod of the same image without
 * the cache makes the node ask the registry; a cache whose secret cannot fetch the image is Error,
 * though the node holds the image; another account cannot use a cache; the quota counts caches.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImageCachesTest extends ServiceTest {

    private static final String BASE = "/v1/regions/" + REGION;
    private final String password = "cache-" + UUID.randomUUID();
    private final PrivateRegistry registry = new PrivateRegistry("cache-user", password);
    private String image;

    @BeforeAll
    void startRegistry() {
        registry.start();
        image = registry.pushBusybox();
    }

    @AfterAll
    void stopRegistry() {
        registry.stop();
        TestRun.removeImage(image);
    }

    @Test
    void aPodNamingItsImageCacheStartsWithoutAPullFromTheRegistry() {
        assertThatThrownBy(() -> docker.inspectImageCmd(image).exec()).as("the node does not hold the image before")
                .isInstanceOf(com.github.dockerjava.api.exception.NotFoundException.class);
        String secret = "cache-" + TestRun.ID;
        ok(api().post(BASE + "/secrets", secretBody(secret, password)));
        String wrong = "cache-wrong-" + TestRun.ID;
        ok(api().post(BASE + "/secrets", secretBody(wrong, "not-the-password")));

        String cacheId = ok(api().post(BASE + "/imageCache", """
                {"name": "busybox", "imageCacheSpec": {"image": "%s", "secret": "%s", "retentionDays": 1}}"""
                .formatted(image, secret))).path("imageCacheId").get(0).asText();
        JsonNode cache = awaitStatus(cacheId, "Ready");
        assertThat(cache.path("imageName").asText()).isEqualTo(image);
        assertThat(cache.path("nodes").get(0).path("sizeBytes").asLong()).isPositive();
        assertThat(cache.path("expireDateTime").asText()).isNotEmpty();
        assertThat(docker.inspectImageCmd(image).exec().getId()).as("the node holds the image now").isNotNull();

        // a pod naming the cache (and no image): the registry serves nothing for it
        int before = requestsFor(image);
        String cached = createPod("""
                {"name": "cached", "instanceType": "g.n2.medium", "terminationGracePeriodSeconds": 0,
                 "containers": [{"name": "app", "imageCacheId": "%s", "secret": "%s", "command": ["sleep", "3600"]}]}"""
                .formatted(cacheId, secret));
        JsonNode pod = awaitPhase(cached, "running");
        assertThat(pod.path("containers").get(0).path("image").asText()).isEqualTo(image);
        assertThat(requestsFor(image)).as("registry requests for the image while the cached pod started")
                .isEqualTo(before);

        // the same image without the cache: the node asks the registry whether this pod's secret may have it
        String uncached = createPod("""
                {"name": "uncached", "instanceType": "g.n2.medium", "terminationGracePeriodSeconds": 0,
                 "containers": [{"name": "app", "image": "%s", "secret": "%s", "command": ["sleep", "3600"]}]}"""
                .formatted(image, secret));
        awaitPhase(uncached, "running");
        assertThat(requestsFor(image)).as("the uncached pod's check of its access").isGreaterThan(before);

        JsonNode used = ok(api().get(BASE + "/imageCache/" + cacheId)).path("imageCache");
        assertThat(used.path("useCount").asInt()).isEqualTo(1);
        assertThat(used.path("lastMatchedTime").asText()).isNotEmpty();
        JsonNode suitable = ok(api().get(BASE + "/imageCache:getMostSuitable?image=" + image));
        assertThat(suitable.path("found").asBoolean()).isTrue();
        assertThat(suitable.path("imageCache").path("imageCacheId").asText()).isEqualTo(cacheId);

        // a secret that cannot fetch the image: Error, though the node holds the image
        String failing = ok(api().post(BASE + "/imageCache", """
                {"imageCacheSpec": {"image": "%s", "secret": "%s"}}""".formatted(image, wrong)))
                .path("imageCacheId").get(0).asText();
        JsonNode failed = awaitStatus(failing, "Error");
        assertThat(failed.path("nodes").get(0).path("message").asText()).isNotEmpty();
        expect(api().post(PODS, podNaming(failing, wrong)), 400, "Error");

        // another account: not found, neither to describe nor to run
        assertThat(otherApi().get(BASE + "/imageCache/" + cacheId).status()).isEqualTo(404);
        expect(otherApi().post(PODS, podNaming(cacheId, null)), 404, "podSpec.containers[0].imageCacheId");
        assertThat(ok(api().get(BASE + "/quotas?resourceType=imageCache")).path("quota").path("used").asInt())
                .isGreaterThanOrEqualTo(2);

        ok(api().delete(PODS + "/" + cached));
        ok(api().delete(PODS + "/" + uncached));
        ok(api().delete(BASE + "/imageCache/" + cacheId));
        ok(api().delete(BASE + "/imageCache/" + failing));
        assertThat(api().get(BASE + "/imageCache/" + cacheId).status()).isEqualTo(404);
        await().atMost(Duration.ofSeconds(60)).until(() -> api().get(PODS + "/" + cached).status() == 404
                && api().get(PODS + "/" + uncached).status() == 404);
        ok(api().delete(BASE + "/secrets/" + secret));
        ok(api().delete(BASE + "/secrets/" + wrong));
    }

    private static final String PODS = BASE + "/pods";

    private JsonNode awaitStatus(String cacheId, String status) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> {
            last[0] = api().get(BASE + "/imageCache/" + cacheId).body().path("result").path("imageCache");
            return !"Creating".equals(last[0].path("status").asText());
        });
        assertThat(last[0].path("status").asText()).as(last[0].toString()).isEqualTo(status);
        return last[0];
    }

    /** The requests the registry logged for the image's repository. */
    private int requestsFor(String reference) {
        String repository = reference.substring(reference.indexOf('/') + 1, reference.lastIndexOf(':'));
        return (int) registry.logs().lines().filter(line -> line.contains("/v2/" + repository + "/")).count();
    }

    private static String podNaming(String cacheId, String secret) {
        return """
                {"podSpec": {"name": "refused", "instanceType": "g.n2.medium",
                 "containers": [{"name": "app", "imageCacheId": "%s"%s}]}}""".formatted(cacheId,
                secret == null ? "" : ", \"secret\": \"" + secret + "\"");
    }

    private String secretBody(String name, String secretPassword) {
        return """
                {"name": "%s", "secretType": "docker-registry",
                 "data": {"server": "%s", "username": "%s", "password": "%s", "email": "%s"}}"""
                .formatted(name, b64(registry.address()), b64("cache-user"), b64(secretPassword), b64("ops@example.com"));
    }
}
