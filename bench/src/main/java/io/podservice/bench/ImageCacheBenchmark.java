package io.podservice.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.BuildResponseItem;
import com.github.dockerjava.api.model.PullResponseItem;
import com.github.dockerjava.api.model.PushResponseItem;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A pod's start with and without an image cache, beside raw Docker on the same machine in the same
 * run. The image is busybox with a layer of {@code --image-mb} random megabytes, built here and
 * pushed to the demo registry (127.0.0.1:5000, shared with tenants). Each round removes the image
 * from the node first, then times: raw Docker pulling and starting it (cold) and starting it with
 * the image present (warm); a pod of the image (createPods to running: the node pulls it); the
 * cache being filled (createImageCache to Ready: the node pulls it); a pod naming the cache.
 */
final class ImageCacheBenchmark {

    private static final String LABEL = "pod-service.bench";

    private final BenchApi api;
    private final DockerClient docker;
    private final AuthConfig registryAuth;
    private final String runId = UUID.randomUUID().toString().substring(0, 8);

    private ImageCacheBenchmark(BenchApi api, AuthConfig registryAuth) {
        this.api = api;
        this.registryAuth = registryAuth;
        DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder().build();
        this.docker = DockerClientImpl.getInstance(config, new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost()).build());
    }

    static void run(String[] args) throws Exception {
        Map<String, String> options = BenchApi.options(args, "--bench=image-cache --credentials=data/credentials "
                + "--registry-credentials=data/registry/credentials --rounds=5 --image-mb=64 --write=docs/performance.md");
        Map<String, String> login = BenchApi.profile(Path.of(options.getOrDefault("registry-credentials",
                "data/registry/credentials")));
        ImageCacheBenchmark bench = new ImageCacheBenchmark(BenchApi.of(Path.of(options.getOrDefault("credentials",
                "data/credentials")), options.get("endpoint")), new AuthConfig().withRegistryAddress("127.0.0.1:5000")
                .withUsername(login.get("username")).withPassword(login.get("password")));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "5"));
        int megabytes = Integer.parseInt(options.getOrDefault("image-mb", "64"));
        String image = bench.makeImage(megabytes);
        try {
            Map<String, List<Double>> times = new java.util.LinkedHashMap<>();
            for (int round = 1; round <= rounds; round++) {
                bench.round(image, times);
                System.out.println("[bench] round " + round + ": " + last(times));
            }
            String table = table(times, megabytes, rounds);
            System.out.println(table);
            if (options.containsKey("write")) {
                BenchApi.write(Path.of(options.get("write")), "image-cache-bench", "A pod's start with an image cache",
                        table);
                System.out.println("[bench] written to " + options.get("write"));
            }
        } finally {
            bench.removeImage(image);
        }
    }

    private void round(String image, Map<String, List<Double>> times) throws Exception {
        removeImage(image);
        long start = System.nanoTime();
        pull(image);
        String cold = startRaw(image);
        add(times, "raw Docker, image absent: pull, create, start", start);
        start = System.nanoTime();
        String warm = startRaw(image);
        add(times, "raw Docker, image present: create, start", start);
        docker.removeContainerCmd(cold).withForce(true).exec();
        docker.removeContainerCmd(warm).withForce(true).exec();

        removeImage(image);
        start = System.nanoTime();
        String pod = createPod("{\"name\": \"uncached-" + runId + "\", \"image\": \"" + image + "\"}");
        awaitRunning(pod);
        add(times, "pod, image absent (createPods to running)", start);
        deletePod(pod);

        removeImage(image);
        start = System.nanoTime();
        JsonNode created = ok(api.call("POST", "/imageCache", "{\"imageCacheSpec\": {\"image\": \"" + image + "\"}}"));
        String cache = created.path("imageCacheId").get(0).asText();
        String status;
        do {
            status = ok(api.call("GET", "/imageCache/" + cache, null)).path("imageCache").path("status").asText();
        } while ("Creating".equals(status) && sleep());
        if (!"Ready".equals(status)) {
            throw new IllegalStateException("image cache " + cache + " is " + status);
        }
        add(times, "image cache filled (createImageCache to Ready)", start);
        start = System.nanoTime();
        pod = createPod("{\"name\": \"cached-" + runId + "\", \"imageCacheId\": \"" + cache + "\"}");
        awaitRunning(pod);
        add(times, "pod naming the cache (createPods to running)", start);
        deletePod(pod);
        ok(api.call("DELETE", "/imageCache/" + cache, null));
    }

    /** busybox with {@code megabytes} of random data in a layer of its own, pushed to the demo registry. */
    private String makeImage(int megabytes) throws Exception {
        Path dir = Files.createTempDirectory("bench-image-");
        try {
            Files.writeString(dir.resolve("Dockerfile"), "FROM pod-service/busybox:1\nCOPY blob /blob\n");
            Random random = new Random(42);
            byte[] chunk = new byte[1 << 20];
            try (OutputStream out = Files.newOutputStream(dir.resolve("blob"))) {
                for (int i = 0; i < megabytes; i++) {
                    random.nextBytes(chunk);
                    out.write(chunk);
                }
            }
            String repository = "127.0.0.1:5000/bench/fat";
            docker.buildImageCmd(dir.toFile()).withTags(java.util.Set.of(repository + ":" + runId))
                    .withLabels(Map.of(LABEL, runId)).exec(new ResultCallback.Adapter<BuildResponseItem>())
                    .awaitCompletion(10, TimeUnit.MINUTES);
            docker.pushImageCmd(repository).withTag(runId).withAuthConfig(registryAuth)
                    .exec(new ResultCallback.Adapter<PushResponseItem>()).awaitCompletion(10, TimeUnit.MINUTES);
            return repository + ":" + runId;
        } finally {
            try (var files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(dir);
        }
    }

    private void pull(String image) throws InterruptedException {
        docker.pullImageCmd(image.substring(0, image.lastIndexOf(':'))).withTag(runId).withAuthConfig(registryAuth)
                .exec(new ResultCallback.Adapter<PullResponseItem>()).awaitCompletion(10, TimeUnit.MINUTES);
    }

    private String startRaw(String image) {
        String id = docker.createContainerCmd(image).withLabels(Map.of(LABEL, runId)).withCmd("sleep", "3600").exec().getId();
        docker.startContainerCmd(id).exec();
        return id;
    }

    private void removeImage(String image) {
        try {
            docker.removeImageCmd(image).withForce(true).exec();
        } catch (NotFoundException absent) {
            // nothing to remove
        }
    }

    private String createPod(String container) {
        return ok(api.call("POST", "/pods", """
                {"podSpec": {"name": "bench-cache", "instanceType": "g.n2.medium", "terminationGracePeriodSeconds": 0,
                 "containers": [%s]}}""".formatted(container.replace("}", ", \"command\": [\"sleep\", \"3600\"]}"))))
                .path("podIds").get(0).asText();
    }

    private void awaitRunning(String pod) {
        String phase;
        do {
            phase = ok(api.call("GET", "/pods/" + pod, null)).path("pod").path("podStatus").path("phase").asText();
        } while (!"running".equals(phase) && !"error".equals(phase) && sleep());
        if (!"running".equals(phase)) {
            throw new IllegalStateException("pod " + pod + " is " + phase);
        }
    }

    private void deletePod(String pod) {
        ok(api.call("DELETE", "/pods/" + pod, null));
        while (api.call("GET", "/pods/" + pod, null).status() != 404 && sleep()) {
            // until it is gone, so the next round's image removal finds no container using it
        }
    }

    private static JsonNode ok(BenchApi.Answer answer) {
        if (answer.status() != 200) {
            throw new IllegalStateException("the service answered " + answer.status() + ": " + answer.body());
        }
        return answer.body().path("result");
    }

    /** The benchmark's poll: 20 ms between reads (true, to go on). */
    private static boolean sleep() {
        BenchApi.pause(20);
        return true;
    }

    private static void add(Map<String, List<Double>> times, String what, long start) {
        times.computeIfAbsent(what, k -> new ArrayList<>()).add((System.nanoTime() - start) / 1e6);
    }

    private static String last(Map<String, List<Double>> times) {
        StringBuilder line = new StringBuilder();
        times.forEach((what, list) -> line.append(what).append(" ").append(Math.round(list.get(list.size() - 1)))
                .append(" ms; "));
        return line.toString();
    }

    private static String table(Map<String, List<Double>> times, int megabytes, int rounds) {
        StringBuilder table = new StringBuilder("Image: busybox with a layer of " + megabytes + " MB of random data, from the "
                + "registry on 127.0.0.1:5000; " + rounds + " rounds, each with the image removed from the node first. "
                + "Median and slowest, milliseconds (`scripts/bench-image-cache.sh`).\n\n"
                + "| what | median | max |\n|---|---|---|\n");
        times.forEach((what, list) -> {
            List<Double> sorted = list.stream().sorted().toList();
            table.append("| ").append(what).append(" | ").append(Math.round(sorted.get(sorted.size() / 2)))
                    .append(" | ").append(Math.round(sorted.get(sorted.size() - 1))).append(" |\n");
        });
        return table.toString();
    }
}
