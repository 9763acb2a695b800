package io.podservice.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A second node agent: the pod-worker application in its own JVM, sharing the run's Kafka and
 * Docker with the launcher's worker and labelling its containers with the run's label.
 */
final class ExternalWorker implements AutoCloseable {

    private static final Path WORKER_JAR = Path.of("..", "pod-worker", "target", "pod-worker-0.1.0-SNAPSHOT-exec.jar");

    private final Process process;
    private final Path log;

    private ExternalWorker(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts the worker with {@code extraArguments} and waits until it reads the pod events. */
    static ExternalWorker start(String bootstrapServers, String workerId, String... extraArguments) throws Exception {
        return start(bootstrapServers, workerId, Map.of(), extraArguments);
    }

    /** The same, with {@code environment} added to the process's (DOCKER_HOST: the node's own daemon). */
    /** The command side's URL, where a worker fetches data keys and config files and answers (ServiceTest sets it). */
    static volatile String commandSide;

    static ExternalWorker start(String bootstrapServers, String workerId, Map<String, String> environment,
                                String... extraArguments) throws Exception {
        assertThat(commandSide).as("the service's port, known once the test's context started").isNotNull();
        assertThat(WORKER_JAR).as("built by the reactor before pod-local's tests").exists();
        Path log = Files.createTempFile(TestRun.DATA_DIR.getParent(), "external-worker", ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-jar", WORKER_JAR.toString(),
                "--server.port=0",
                "--management.server.port=0",
                "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                "--spring.kafka.consumer.properties.session.timeout.ms=6000",
                "--spring.kafka.consumer.properties.heartbeat.interval.ms=1000",
                "--pod.worker.worker-id=" + workerId,
                "--pod.worker.key-service-url=" + commandSide,
                "--pod.worker.concurrency=3",
                "--pod.worker.reconcile-interval=PT5S",
                "--pod.worker.extra-labels[" + TestRun.LABEL + "]=" + TestRun.ID,
                "--pod.worker.nat-chain=" + TestRun.NAT_CHAIN,
                "--pod.worker.cgroup-root=" + TestRun.CGROUP_ROOT,
                "--pod.worker.cluster=" + TestRun.cluster(),
                "--pod.worker.state-dir=" + TestRun.DATA_DIR.resolve("worker-" + workerId),
                "--pod.worker.registry-credentials[0].server=" + ServiceTest.REGISTRY.address(),
                "--pod.worker.registry-credentials[0].username=" + PrivateRegistry.USERNAME,
                "--pod.worker.registry-credentials[0].password=" + PrivateRegistry.PASSWORD,
                "--pod.worker.shared-registries[0]=" + ServiceTest.REGISTRY.address(),
                "--pod.worker.allowed-private-registries[0]=127.0.0.1"));
        command.addAll(List.of(extraArguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // the node token the service generated, by environment (not in the process's arguments, which anyone sees)
        Path token = TestRun.DATA_DIR.resolve("node.token");
        if (Files.exists(token)) {
            builder.environment().put("POD_NODE_TOKEN", Files.readString(token).trim());
        }
        builder.environment().putAll(environment);
        ExternalWorker worker = new ExternalWorker(builder.start(), log);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() ->
                worker.log().contains("pod-worker: partitions assigned: [pod-events"));
        return worker;
    }

    /**
     * Creates pods from {@code spec(i)} until one runs on the node {@code nodeId} (the scheduler
     * decides: it fills the emptiest node first) and returns its id.
     */
    static String podOnNode(ServiceTest test, io.podservice.query.pods.PodViewRepository views, String nodeId,
                            java.util.function.IntFunction<String> spec) {
        for (int i = 0; i < 16; i++) {
            String podId = test.createPod(spec.apply(i));
            test.awaitPhase(podId, "running");
            await().atMost(Duration.ofSeconds(20)).until(() -> views.find(podId)
                    .map(io.podservice.query.pods.PodView::nodeId).isPresent());
            if (nodeId.equals(views.find(podId).map(io.podservice.query.pods.PodView::nodeId).orElseThrow())) {
                return podId;
            }
        }
        throw new AssertionError("no pod of 16 landed on " + nodeId);
    }

    /** Waits until the command side has the node as ready: from then on the scheduler places pods on it. */
    static void awaitReady(org.springframework.jdbc.core.JdbcTemplate jdbc, String nodeId) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM node_index WHERE node_id = ? AND state = 'ready'", Integer.class, nodeId) == 1);
    }

    String log() throws java.io.IOException {
        return Files.readString(log);
    }

    /** SIGKILL: no shutdown hooks, no offsets committed, no goodbye to the consumer group. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
