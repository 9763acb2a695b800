package io.podservice.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Scheduling and a node's death, against a service with two nodes (scripts/bench-nodes.sh starts
 * them): how many pods the scheduler places per second (single-pod createPods at a concurrency, and
 * one createPods of many), then the node that is not the launcher's is killed with SIGKILL and the
 * benchmark times its declaration as lost and its pods running again on the other node.
 */
final class NodeFailoverBenchmark {

    private static final String USAGE = "--bench=nodes --credentials=F --operator-credentials=F --node=ID --node-pid=PID "
            + "--pods=40 --batch=40 --concurrency=8 --lost-after=15 --write=docs/performance.md";

    private final BenchApi tenant;
    private final BenchApi operator;
    private final String image;

    private NodeFailoverBenchmark(BenchApi tenant, BenchApi operator, String image) {
        this.tenant = tenant;
        this.operator = operator;
        this.image = image;
    }

    static void run(String[] args) throws Exception {
        Map<String, String> options = BenchApi.options(args, USAGE);
        NodeFailoverBenchmark bench = new NodeFailoverBenchmark(
                BenchApi.of(Path.of(options.getOrDefault("credentials", "data/credentials")), options.get("endpoint")),
                BenchApi.of(Path.of(options.getOrDefault("operator-credentials", "data/operator-credentials")),
                        options.get("endpoint")),
                options.getOrDefault("image", "127.0.0.1:5000/pod-service/busybox:1"));
        String node = options.get("node");
        long nodePid = Long.parseLong(options.get("node-pid"));
        int pods = Integer.parseInt(options.getOrDefault("pods", "40"));
        int batch = Integer.parseInt(options.getOrDefault("batch", "40"));
        int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "8"));
        String row = bench.measure(node, nodePid, pods, batch, concurrency) + " " + options.getOrDefault("lost-after", "?")
                + " |";
        String table = "Measured on " + LocalDate.now() + " with `scripts/bench-nodes.sh`: the launcher's node and a second "
                + "worker on the same machine and Docker, both offering 1000 times the machine (allocation ratios), "
                + "nodes lost after `pod.nodes.lost-after` of silence, checked every second. createPods answers once "
                + "the pods are placed (placement is part of the request's transaction).\n\n"
                + "| pods (single-pod createPods) | concurrency | createPods p50 / p99 (ms) | placed per second "
                + "| one createPods of maxCount (first) | placed per second | pods on the killed node | kill → NodeLost (s) "
                + "| NodeLost → all running again (s) | kill → all running (s) | lost-after (s) |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|\n" + row + "\n";
        System.out.println(table);
        if (options.containsKey("write")) {
            BenchApi.write(Path.of(options.get("write")), "nodes-bench", "Scheduling and a node's death", table);
        }
    }

    private String measure(String node, long nodePid, int pods, int batch, int concurrency) throws Exception {
        awaitNodes(node);
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        // one createPods of many first: it also warms the service up for the single-pod requests after it
        BenchApi.Answer many = tenant.call("POST", "/pods", spec("batch", batch));
        require(many);
        many.body().path("result").path("podIds").forEach(id -> ids.add(id.asText()));
        // the nodes busy creating those 40 would take the CPU from the requests that follow: they run first
        awaitRunning(Set.copyOf(ids));
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        ExecutorService threads = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        List<CompletableFuture<Void>> sent = new ArrayList<>();
        for (int i = 0; i < pods; i++) {
            int n = i;
            sent.add(CompletableFuture.runAsync(() -> {
                BenchApi.Answer created = tenant.call("POST", "/pods", spec("placed-" + n, 1));
                require(created);
                latencies.add(created.millis());
                created.body().path("result").path("podIds").forEach(id -> ids.add(id.asText()));
            }, threads));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        double singleSeconds = (System.nanoTime() - start) / 1e9;
        threads.shutdown();
        System.out.println("[bench] " + ids.size() + " pods placed; waiting until they run");
        awaitRunning(Set.copyOf(ids));
        int onNode = podsOn(node);
        System.out.println("[bench] " + onNode + " pods on " + node + "; killing it");

        long killed = System.nanoTime();
        ProcessHandle.of(nodePid).orElseThrow(() -> new IllegalStateException("no process " + nodePid)).destroyForcibly();
        while (!"lost".equals(nodeState(node))) {
            BenchApi.pause(100);
        }
        long lost = System.nanoTime();
        System.out.println("[bench] " + node + " is lost; waiting until its pods run elsewhere");
        // moved first (until then describePods still shows them running, as last reported), then running again
        while (podsOn(node) > 0) {
            BenchApi.pause(100);
        }
        awaitRunning(Set.copyOf(ids));
        long running = System.nanoTime();
        LoadBenchmark.Stats create = LoadBenchmark.Stats.of(latencies);
        return String.format("| %d | %d | %.0f / %.0f | %.1f | %d in %.0f ms | %.1f | %d | %.1f | %.1f | %.1f |", pods,
                concurrency, create.p50(), create.p99(), pods / singleSeconds, batch, many.millis(),
                batch / (many.millis() / 1000), onNode, (lost - killed) / 1e9, (running - lost) / 1e9,
                (running - killed) / 1e9);
    }

    private String spec(String name, int count) {
        return """
                {"podSpec": {"name": "%s", "instanceType": "g.n2.medium", "terminationGracePeriodSeconds": 1,
                 "containers": [{"name": "app", "image": "%s", "command": ["sleep", "3600"]}]}, "maxCount": %d}"""
                .formatted(name, image, count);
    }

    private static void require(BenchApi.Answer answer) {
        if (answer.status() != 200) {
            throw new IllegalStateException("createPods answered " + answer.status() + ": " + answer.body());
        }
    }

    /** Until describeNodes lists the node and another one, both ready. */
    private void awaitNodes(String node) {
        for (int i = 0; i < 600; i++) {
            JsonNode nodes = operator.call("GET", "/nodes?pageSize=100", null).body().path("result").path("nodes");
            long ready = 0;
            boolean found = false;
            for (JsonNode n : nodes) {
                ready += "ready".equals(n.path("state").asText()) ? 1 : 0;
                found |= node.equals(n.path("nodeId").asText()) && "ready".equals(n.path("state").asText());
            }
            if (found && ready >= 2) {
                return;
            }
            BenchApi.pause(200);
        }
        throw new IllegalStateException("node " + node + " and another are not both ready");
    }

    private JsonNode node(String node) {
        JsonNode nodes = operator.call("GET", "/nodes?filters.1.name=nodeId&filters.1.values.1=" + node, null).body()
                .path("result").path("nodes");
        return nodes.size() == 1 ? nodes.get(0) : null;
    }

    private String nodeState(String node) {
        JsonNode found = node(node);
        return found == null ? null : found.path("state").asText();
    }

    private int podsOn(String node) {
        JsonNode found = node(node);
        return found == null ? 0 : found.path("pods").asInt();
    }

    /** Until every pod of {@code ids} is running (describePods, a page of 100 at a time). */
    private void awaitRunning(Set<String> ids) {
        Duration limit = Duration.ofMinutes(10);
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            int running = 0;
            for (int page = 1; ; page++) {
                JsonNode result = tenant.call("GET", "/pods?pageSize=100&pageNumber=" + page, null).body().path("result");
                for (JsonNode pod : result.path("pods")) {
                    if (ids.contains(pod.path("podId").asText())
                            && "running".equals(pod.path("podStatus").path("phase").asText())) {
                        running++;
                    }
                }
                if (page * 100 >= result.path("totalCount").asInt()) {
                    break;
                }
            }
            if (running == ids.size()) {
                return;
            }
            BenchApi.pause(250);
        }
        throw new IllegalStateException("not every pod ran within " + limit);
    }
}
