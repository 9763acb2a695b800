package io.podservice.bench;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load benchmark (scripts/bench-load.sh): against a running service, through the signed API,
 * N createPods at concurrency C, each followed until its pod runs; the same N pods started directly
 * with docker-java (an infra container and the user container in its namespace, same image and
 * limits: the floor); the event pipeline's lag from the service's own metric; describePod and
 * describePods latencies while the burst runs. Prints a table and writes it to docs/performance.md.
 */
public final class LoadBenchmark {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String LABEL = "pod-service.bench";
    /** pods x concurrency: the three rows, then 300 pods at 16 at once (a node toward 500 running pods). */
    private static final String DEFAULT_RUNS = "20x1,20x8,100x8,300x16";

    private final BenchApi api;
    private final String image;
    private final DockerClient docker;
    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    /**
     * How often each client asks describePod whether its pod runs: 100 ms by default. Every 20 ms
     * (the first measurements) made 400 signed requests a second at concurrency 8, whose CPU on a
     * 2-core machine was taken from the Docker daemon the pods waited for.
     */
    private final long pollMillis = Long.getLong("bench.poll-ms", 100);
    /** The service's process on this machine (the launcher), whose memory per running pod is measured; 0: not measured. */
    private final long servicePid;

    private LoadBenchmark(BenchApi api, String image, long servicePid) {
        this.api = api;
        this.servicePid = servicePid;
        this.image = image;
        DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder().build();
        this.docker = DockerClientImpl.getInstance(config, new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost()).maxConnections(64).build());
    }

    public static void main(String[] args) throws Exception {
        try {
            benchmark(args);
        } catch (Exception | Error e) {
            e.printStackTrace();
            // the pools' threads must not keep a failed benchmark alive
            System.exit(1);
        }
        System.exit(0);
    }

    private static void benchmark(String[] args) throws Exception {
        if (java.util.Arrays.asList(args).contains("--bench=nodes")) {
            NodeFailoverBenchmark.run(args);
            return;
        }
        if (java.util.Arrays.asList(args).contains("--bench=image-cache")) {
            ImageCacheBenchmark.run(args);
            return;
        }
        Map<String, String> options = BenchApi.options(args, "--runs=20x1,100x8 --credentials=data/credentials "
                + "--endpoint=http://... --image=127.0.0.1:5000/pod-service/busybox:1 --write=docs/performance.md");
        LoadBenchmark bench = new LoadBenchmark(BenchApi.of(Path.of(options.getOrDefault("credentials", "data/credentials")),
                options.get("endpoint")), options.getOrDefault("image", "127.0.0.1:5000/pod-service/busybox:1"),
                Long.parseLong(options.getOrDefault("service-pid", "0")));
        List<Result> results = new ArrayList<>();
        for (String run : options.getOrDefault("runs", DEFAULT_RUNS).split(",")) {
            String[] nc = run.trim().split("x");
            Result result = bench.run(Integer.parseInt(nc[0]), Integer.parseInt(nc[1]));
            System.out.println("[bench] " + result.row());
            results.add(result);
        }
        String table = table(results, bench.machine(), options.getOrDefault("runs", DEFAULT_RUNS));
        System.out.println(table);
        if (options.containsKey("write")) {
            BenchApi.write(Path.of(options.get("write")), "load-bench", "Load against raw Docker", table);
            System.out.println("[bench] written to " + options.get("write"));
        }
    }

    record Result(int pods, int concurrency, Stats create, Stats toRunning, Stats serviceTotal, Stats raw, Stats rawBridge,
                  Stats describePod, Stats describePods, Map<String, String> hops, NodeMemory[] service, NodeMemory[] rawMemory) {

        /** MiB per running pod: the service's JVM (heap after GC, resident), Docker's processes and the machine, then raw Docker's. */
        String memoryRow() {
            NodeMemory before = service[0];
            NodeMemory after = service[1];
            return "| " + pods + " | " + concurrency
                    + " | " + NodeMemory.perPod(before.serviceHeapKiB(), after.serviceHeapKiB(), pods)
                    + " | " + NodeMemory.perPod(before.serviceRssKiB(), after.serviceRssKiB(), pods)
                    + " | " + NodeMemory.perPod(before.dockerKiB(), after.dockerKiB(), pods)
                    + " | " + NodeMemory.perPod(before.machineKiB(), after.machineKiB(), pods)
                    + " | " + NodeMemory.perPod(rawMemory[0].dockerKiB(), rawMemory[1].dockerKiB(), pods)
                    + " | " + NodeMemory.perPod(rawMemory[0].machineKiB(), rawMemory[1].machineKiB(), pods) + " |";
        }

        String row() {
            return "| " + pods + " | " + concurrency + " | " + create + " | " + toRunning + " | " + serviceTotal
                    + " | " + raw + " | " + ratio(serviceTotal.p50(), raw.p50()) + " / " + ratio(serviceTotal.p99(), raw.p99())
                    + " | " + rawBridge + " | " + ratio(serviceTotal.p50(), rawBridge.p50()) + " / "
                    + ratio(serviceTotal.p99(), rawBridge.p99())
                    + " | " + hops.get("projection") + " | " + describePod + " | " + describePods + " |";
        }

        String hopRow() {
            return "| " + pods + " | " + concurrency + " | " + String.join(" | ", hops.values()) + " |";
        }

        private static String ratio(double a, double b) {
            return b == 0 ? "-" : String.format("%.1f", a / b);
        }
    }

    /** p50 and p99 of a sample, in milliseconds. */
    record Stats(double p50, double p99, int count) {

        static Stats of(List<Double> millis) {
            List<Double> sorted = new ArrayList<>(millis);
            Collections.sort(sorted);
            if (sorted.isEmpty()) {
                return new Stats(0, 0, 0);
            }
            return new Stats(percentile(sorted, 0.50), percentile(sorted, 0.99), sorted.size());
        }

        private static double percentile(List<Double> sorted, double q) {
            int rank = (int) Math.ceil(q * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank)));
        }

        @Override
        public String toString() {
            return String.format("%.0f / %.0f", p50, p99);
        }
    }

    private Result run(int pods, int concurrency) throws Exception {
        List<Double> create = Collections.synchronizedList(new ArrayList<>());
        List<Double> toRunning = Collections.synchronizedList(new ArrayList<>());
        List<Double> total = Collections.synchronizedList(new ArrayList<>());
        List<Double> describePod = Collections.synchronizedList(new ArrayList<>());
        List<Double> describePods = Collections.synchronizedList(new ArrayList<>());
        List<String> podIds = Collections.synchronizedList(new ArrayList<>());
        NodeMemory[] serviceMemory = {NodeMemory.sample(servicePid, managementEndpoint(), HTTP), null};
        Map<String, Map<Double, Double>> metricsBefore = histograms();
        AtomicBoolean bursting = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(concurrency + 1);
        CompletableFuture<Void> lister = CompletableFuture.runAsync(() -> {
            while (bursting.get()) {
                describePods.add(api.call("GET", "/pods?pageSize=100", null).millis());
                BenchApi.pause(pollMillis);
            }
        }, threads);
        List<CompletableFuture<Void>> work = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            int thread = t;
            work.add(CompletableFuture.runAsync(() -> {
                for (int i = thread; i < pods; i += concurrency) {
                    long start = System.nanoTime();
                    BenchApi.Answer created = api.call("POST", "/pods", """
                            {"podSpec": {"name": "bench-%s-%d", "instanceType": "g.n2.medium",
                             "terminationGracePeriodSeconds": 0,
                             "containers": [{"name": "app", "image": "%s", "command": ["sleep", "3600"]}]}}"""
                            .formatted(runId, i, image));
                    if (created.status() != 200) {
                        throw new IllegalStateException("createPods answered " + created.status() + ": " + created.body());
                    }
                    long answered = System.nanoTime();
                    create.add(created.millis());
                    String podId = created.body().path("result").path("podIds").get(0).asText();
                    podIds.add(podId);
                    String phase = "";
                    while (!phase.equals("running")) {
                        BenchApi.Answer described = api.call("GET", "/pods/" + podId, null);
                        describePod.add(described.millis());
                        phase = described.body().path("result").path("pod").path("podStatus").path("phase").asText();
                        if (phase.equals("error")) {
                            throw new IllegalStateException("pod " + podId + " failed: " + described.body());
                        }
                        BenchApi.pause(pollMillis);
                    }
                    long running = System.nanoTime();
                    toRunning.add((running - answered) / 1e6);
                    total.add((running - start) / 1e6);
                }
            }, threads));
        }
        CompletableFuture.allOf(work.toArray(CompletableFuture[]::new)).join();
        bursting.set(false);
        lister.join();
        // every pod of the burst runs now: what they hold
        serviceMemory[1] = NodeMemory.sample(servicePid, managementEndpoint(), HTTP);
        Map<String, String> hops = hops(metricsBefore, histograms());
        long deleting = System.nanoTime();
        deleteAll(podIds, concurrency, threads);
        double deleted = (System.nanoTime() - deleting) / 1e9;
        System.out.printf("[bench] %d pods deleted at %d at once in %.1f s (%.1f pods/s)%n", podIds.size(), concurrency,
                deleted, podIds.size() / deleted);
        NodeMemory[] rawMemory = new NodeMemory[2];
        Stats raw = raw(pods, concurrency, threads, null, rawMemory);
        Stats rawBridge = rawOnOwnBridge(pods, concurrency, threads);
        threads.shutdown();
        return new Result(pods, concurrency, Stats.of(create), Stats.of(toRunning), Stats.of(total), raw, rawBridge,
                Stats.of(describePod), Stats.of(describePods), hops, serviceMemory, rawMemory);
    }

    /**
     * The floor with the service's kind of network: the infra containers on a user-defined bridge of
     * their own, as the service's pods are (each account's pods on its own bridge, docs/security.md),
     * where Docker also sets up its embedded DNS in every pod's namespace: a start the default
     * bridge does not pay.
     */
    private Stats rawOnOwnBridge(int pods, int concurrency, ExecutorService threads) {
        String network = docker.createNetworkCmd().withName("bench-raw-" + runId).withDriver("bridge")
                .withLabels(Map.of(LABEL, runId)).exec().getId();
        try {
            return raw(pods, concurrency, threads, network, null);
        } finally {
            docker.removeNetworkCmd(network).exec();
        }
    }

    /**
     * The floor: the same pods made directly with docker-java, infra first (on {@code network}, else
     * Docker's default bridge), then the user container in its namespace. {@code memory}, when given, receives
     * the node's memory before and while they all run.
     */
    private Stats raw(int pods, int concurrency, ExecutorService threads, String network, NodeMemory[] memory) {
        if (memory != null) {
            memory[0] = NodeMemory.sample(0, managementEndpoint(), HTTP);
        }
        List<Double> times = Collections.synchronizedList(new ArrayList<>());
        List<String> made = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<Void>> work = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            int thread = t;
            work.add(CompletableFuture.runAsync(() -> {
                for (int i = thread; i < pods; i += concurrency) {
                    long start = System.nanoTime();
                    String infra = docker.createContainerCmd(image).withName("bench-raw-" + runId + "-" + i + ".infra")
                            .withLabels(Map.of(LABEL, runId))
                            .withCmd("/bin/sh", "-c", "trap 'exit 0' TERM; while :; do sleep 3600 & wait $!; done")
                            .withHostConfig(HostConfig.newHostConfig().withIpcMode("shareable")
                                    .withNetworkMode(network == null ? "default" : network)).exec().getId();
                    made.add(infra);
                    docker.startContainerCmd(infra).exec();
                    String app = docker.createContainerCmd(image).withName("bench-raw-" + runId + "-" + i + "-app")
                            .withLabels(Map.of(LABEL, runId)).withCmd("sleep", "3600")
                            .withHostConfig(HostConfig.newHostConfig().withNetworkMode("container:" + infra)
                                    .withIpcMode("container:" + infra).withNanoCPUs(1_000_000_000L)
                                    .withMemory(4096L * 1024 * 1024).withMemorySwap(4096L * 1024 * 1024))
                            .exec().getId();
                    made.add(app);
                    docker.startContainerCmd(app).exec();
                    times.add((System.nanoTime() - start) / 1e6);
                }
            }, threads));
        }
        CompletableFuture.allOf(work.toArray(CompletableFuture[]::new)).join();
        if (memory != null) {
            memory[1] = NodeMemory.sample(0, managementEndpoint(), HTTP);
        }
        List<String> reversed = new ArrayList<>(made);
        Collections.reverse(reversed);
        for (String id : reversed) {
            docker.removeContainerCmd(id).withForce(true).exec();
        }
        return Stats.of(times);
    }

    private void deleteAll(List<String> podIds, int concurrency, ExecutorService threads) {
        List<CompletableFuture<Void>> work = new ArrayList<>();
        List<String> ids = new ArrayList<>(podIds);
        for (int t = 0; t < concurrency; t++) {
            int thread = t;
            work.add(CompletableFuture.runAsync(() -> {
                for (int i = thread; i < ids.size(); i += concurrency) {
                    api.call("DELETE", "/pods/" + ids.get(i), null);
                    while (api.call("GET", "/pods/" + ids.get(i), null).status() != 404) {
                        BenchApi.pause(100);
                    }
                }
            }, threads));
        }
        CompletableFuture.allOf(work.toArray(CompletableFuture[]::new)).join();
    }

    /** The service's management port (metrics): {@code --management-endpoint}, else port 8081 of the API's host. */
    private URI managementEndpoint() {
        String given = System.getProperty("bench.management-endpoint");
        return given != null ? URI.create(given) : URI.create("http://" + api.endpoint().getHost() + ":8081");
    }

    private static final Pattern BUCKET = Pattern.compile(
            "(pod_projection_lag_seconds_bucket|pod_pipeline_hop_seconds_bucket)\\{([^}]*)\\} ([0-9.eE+-]+)");
    private static final Pattern LABEL_VALUE = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    /**
     * The pipeline's latency histograms as the service's Prometheus endpoint has them now, per hop
     * (the projection's lag as "projection"): cumulative bucket counts by upper bound in seconds. A
     * burst's figures are the difference of two scrapes.
     */
    private Map<String, Map<Double, Double>> histograms() {
        Map<String, Map<Double, Double>> histograms = new java.util.TreeMap<>();
        try {
            HttpResponse<String> metrics = HTTP.send(HttpRequest.newBuilder(managementEndpoint().resolve("/actuator/prometheus")).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = BUCKET.matcher(metrics.body());
            while (m.find()) {
                Map<String, String> labels = new java.util.HashMap<>();
                Matcher l = LABEL_VALUE.matcher(m.group(2));
                while (l.find()) {
                    labels.put(l.group(1), l.group(2));
                }
                String series = m.group(1).startsWith("pod_projection") ? "projection" : labels.get("hop");
                String le = labels.get("le");
                double bound = "+Inf".equals(le) ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
                histograms.computeIfAbsent(series, k -> new java.util.TreeMap<>())
                        .merge(bound, Double.parseDouble(m.group(3)), Double::sum);
            }
        } catch (IOException e) {
            return histograms;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return histograms;
    }

    /** Per hop, p50 / p99 in ms of what happened between two scrapes. */
    private static Map<String, String> hops(Map<String, Map<Double, Double>> before, Map<String, Map<Double, Double>> after) {
        Map<String, String> hops = new LinkedHashMap<>();
        for (String hop : HOPS) {
            hops.put(hop, lag(before.getOrDefault(hop, Map.of()), after.getOrDefault(hop, Map.of())));
        }
        return hops;
    }

    /** The hops of a createPods in the order a request travels them (io.podservice.api.metrics.PipelineHops). */
    private static final List<String> HOPS = List.of("publish", "to-node", "node-queue", "node-task", "result", "projection");

    /** p50 / p99 in ms of the events projected between two scrapes (the upper bound of the bucket holding each). */
    private static String lag(Map<Double, Double> before, Map<Double, Double> after) {
        double total = after.getOrDefault(Double.POSITIVE_INFINITY, 0.0) - before.getOrDefault(Double.POSITIVE_INFINITY, 0.0);
        if (total <= 0) {
            return "n/a";
        }
        return String.format("%.0f / %.0f", quantile(before, after, total, 0.5), quantile(before, after, total, 0.99));
    }

    private static double quantile(Map<Double, Double> before, Map<Double, Double> after, double total, double q) {
        for (Map.Entry<Double, Double> bucket : after.entrySet()) {
            if (bucket.getValue() - before.getOrDefault(bucket.getKey(), 0.0) >= q * total) {
                return bucket.getKey() * 1000;
            }
        }
        return Double.NaN;
    }

    private String machine() {
        var info = docker.infoCmd().exec();
        return Runtime.getRuntime().availableProcessors() + " cores, "
                + Math.round(info.getMemTotal() / 1024.0 / 1024 / 1024) + " GiB, " + info.getOperatingSystem()
                + ", Docker " + info.getServerVersion() + ", Java " + System.getProperty("java.version");
    }

    private static String table(List<Result> results, String machine, String runs) {
        StringBuilder out = new StringBuilder();
        out.append("Measured on ").append(LocalDate.now()).append(": ").append(machine).append(".\n")
                .append("Command: `BENCH_RUNS=").append(runs).append(" scripts/bench-load.sh` (pods x concurrency), ")
                .append("against the launcher it starts. Times in ms, p50 / p99; the first run includes the JVM's warm-up. ")
                .append("Each client polls describePod every ").append(Long.getLong("bench.poll-ms", 100))
                .append(" ms until its pod runs, and one more lists the pods (describePods) as often.\n\n")
                .append("| pods | concurrency | createPods | answer → running | request → running (service) "
                        + "| raw Docker (infra + app) | service / raw (p50 / p99) "
                        + "| raw Docker, infra on its own bridge | service / raw on own bridge (p50 / p99) | event → projection lag "
                        + "| describePod during burst | describePods during burst |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        results.forEach(r -> out.append(r.row()).append('\n'));
        out.append("\nWhere the time goes, hop by hop (the service's own histograms, `pod_pipeline_hop_seconds`; ms, p50 / p99, ")
                .append("bucket upper bounds): publish = event store → Kafka; to-node = Kafka → node; node-queue = waiting for ")
                .append("the pod's worker; node-task = Docker's work until the result is on Kafka; result = result → event ")
                .append("store; projection = event store → describe operations.\n\n")
                .append("| pods | concurrency | ").append(String.join(" | ", HOPS)).append(" |\n")
                .append("|---|---|").append("---|".repeat(HOPS.size())).append('\n');
        results.forEach(r -> out.append(r.hopRow()).append('\n'));
        out.append("\nMemory per running pod (MiB; the difference between the node before a burst and with all its pods ")
                .append("running, divided by the pods): the service's JVM (heap right after a full collection, and resident), ")
                .append("Docker's own processes (dockerd, containerd, a containerd-shim per container) and the whole machine ")
                .append("(MemTotal - MemAvailable: containers, kernel, everything), then the same for the raw Docker pods.\n\n")
                .append("| pods | concurrency | service heap | service resident | Docker's processes | machine ")
                .append("| raw: Docker's processes | raw: machine |\n|---|---|---|---|---|---|---|---|\n");
        results.forEach(r -> out.append(r.memoryRow()).append('\n'));
        return out.toString();
    }
}
