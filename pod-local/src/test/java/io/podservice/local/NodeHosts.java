package io.podservice.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Machines for the multi-node tests, on this one: each node is a network namespace
 * ({@code ptn<run>-n<k>}) with its own Docker daemon (own data-root, exec-root and socket), joined
 * to the others by a veth pair to a switch (a bridge in the namespace {@code ptn<run>-fab}) on
 * 10.251.0.0/24, where nothing of the host is, and its own worker process, which runs its network
 * tools in the node's namespace ({@code pod.worker.network-namespace}) and ends its VXLAN tunnels
 * at the node's address. The nodes reach the run's registries, which listen on this host's
 * loopback, through a relay of their own ({@code socat}: the node's loopback port to a Unix
 * socket, the socket to the host's port). Everything carries the run's id and is removed by
 * {@link #close}, or by a later run if this one is killed ({@link #removeOf}).
 */
final class NodeHosts implements AutoCloseable {

    private static final String SWITCH_SUFFIX = "-fab";
    private static final Path RUN_DIR = Path.of("/run");

    private final String id;
    private final String bootstrapServers;
    private final List<Integer> registryPorts;
    private final Map<Integer, Node> nodes = new TreeMap<>();
    private final List<Process> relays = new ArrayList<>();

    /** One node: its namespace, daemon and worker, and a Docker client of its daemon. */
    final class Node {
        final int number;
        final String nodeId;
        final String namespace;
        final String address;
        final Path execRoot;
        final Path dataRoot;
        private final List<String> workerArguments;
        private Process daemon;
        private ExternalWorker worker;
        private DockerClient docker;

        private Node(int number, String nodeId, List<String> workerArguments) {
            this.number = number;
            this.nodeId = nodeId;
            this.namespace = prefix(id) + "-n" + number;
            this.address = "10.251.0." + (10 + number);
            this.execRoot = RUN_DIR.resolve(namespace);
            this.dataRoot = TestRun.DATA_DIR.resolve("nodes").resolve("n" + number);
            this.workerArguments = workerArguments;
        }

        Path socket() {
            return execRoot.resolve("docker.sock");
        }

        DockerClient docker() {
            if (docker == null) {
                DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                        .withDockerHost("unix://" + socket()).build();
                docker = DockerClientImpl.getInstance(config, new ZerodepDockerHttpClient.Builder()
                        .dockerHost(config.getDockerHost()).connectionTimeout(Duration.ofSeconds(5))
                        .responseTimeout(Duration.ofMinutes(2)).build());
            }
            return docker;
        }

        private void startDaemon() throws Exception {
            Files.createDirectories(execRoot);
            Files.createDirectories(dataRoot);
            daemon = new ProcessBuilder("nsenter", "--net=/var/run/netns/" + namespace, "--",
                    "dockerd", "--data-root", dataRoot.resolve("docker").toString(), "--exec-root", execRoot.toString(),
                    "-H", "unix://" + socket(), "--pidfile", execRoot.resolve("docker.pid").toString(),
                    "--bridge=none", "--log-level=warn")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(
                            dataRoot.resolve("dockerd.log").toFile())).start();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                    .untilAsserted(() -> docker().pingCmd().exec());
        }

        /** Starts its worker (again), under the same node id; returns once it reads the pod events. */
        void startWorker() throws Exception {
            List<String> arguments = new ArrayList<>(workerArguments);
            arguments.addAll(List.of("--pod.worker.network-namespace=/var/run/netns/" + namespace,
                    "--pod.worker.overlay-address=" + address,
                    "--pod.worker.state-dir=" + dataRoot.resolve("worker")));
            worker = ExternalWorker.start(bootstrapServers, nodeId, Map.of("DOCKER_HOST", "unix://" + socket()),
                    arguments.toArray(String[]::new));
        }

        /** The machine dies: its worker and its Docker daemon are killed (SIGKILL), its containers left as they are. */
        void kill() throws Exception {
            worker.kill();
            long pid = daemon.pid();
            List<ProcessHandle> children = daemon.descendants().toList();
            daemon.destroyForcibly();
            daemon.waitFor();
            // the daemon's own containerd goes with it; the containers' shims stay, as on a machine that lost power they would not
            children.stream().filter(child -> child.info().command().orElse("").endsWith("containerd"))
                    .forEach(ProcessHandle::destroyForcibly);
            assertThat(ProcessHandle.of(pid)).isEmpty();
        }

        /** The machine comes back: its daemon, then its worker. */
        void restart() throws Exception {
            if (docker != null) {
                docker.close();
                docker = null;
            }
            startDaemon();
            startWorker();
        }

        ExternalWorker worker() {
            return worker;
        }

        private void stop() {
            try {
                if (worker != null) {
                    worker.close();
                }
                if (daemon != null && daemon.isAlive()) {
                    for (var container : docker().listContainersCmd().withShowAll(true).exec()) {
                        docker().removeContainerCmd(container.getId()).withForce(true).withRemoveVolumes(true).exec();
                    }
                    docker().pruneCmd(com.github.dockerjava.api.model.PruneType.NETWORKS).exec();
                    daemon.destroy();
                    if (!daemon.waitFor(30, TimeUnit.SECONDS)) {
                        daemon.destroyForcibly();
                    }
                }
                if (docker != null) {
                    docker.close();
                }
                unmountUnder(dataRoot);
                run("rm", "-rf", dataRoot.toString());
            } catch (Exception e) {
                System.err.println("node " + nodeId + " not stopped cleanly: " + e);
            }
        }
    }

    NodeHosts(String id, String bootstrapServers, List<Integer> registryPorts) throws Exception {
        this.id = id;
        this.bootstrapServers = bootstrapServers;
        this.registryPorts = registryPorts;
        String fabric = prefix(id) + SWITCH_SUFFIX;
        run("ip", "netns", "add", fabric);
        inNamespace(fabric, "ip", "link", "add", "switch", "type", "bridge");
        inNamespace(fabric, "ip", "link", "set", "switch", "up");
        for (int port : registryPorts) {
            relays.add(new ProcessBuilder("socat", "UNIX-LISTEN:" + relaySocket(port) + ",fork,unlink-early",
                    "TCP:127.0.0.1:" + port).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start());
        }
    }

    /** A node's namespace, wired to the switch, its daemon up with the run's images, and its worker. */
    Node add(int number, String nodeId, String... workerArguments) throws Exception {
        Node node = new Node(number, nodeId, List.of(workerArguments));
        nodes.put(number, node);
        String fabric = prefix(id) + SWITCH_SUFFIX;
        run("ip", "netns", "add", node.namespace);
        run("ip", "link", "add", "port" + number, "netns", fabric, "type", "veth", "peer", "name", "eth0",
                "netns", node.namespace);
        inNamespace(fabric, "ip", "link", "set", "port" + number, "master", "switch", "up");
        inNamespace(node.namespace, "ip", "addr", "add", node.address + "/24", "dev", "eth0");
        inNamespace(node.namespace, "ip", "link", "set", "eth0", "up");
        inNamespace(node.namespace, "ip", "link", "set", "lo", "up");
        for (int port : registryPorts) {
            relays.add(new ProcessBuilder("nsenter", "--net=/var/run/netns/" + node.namespace, "--", "socat",
                    "TCP-LISTEN:" + port + ",bind=127.0.0.1,fork,reuseaddr", "UNIX-CONNECT:" + relaySocket(port))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
        }
        node.startDaemon();
        loadImage(node, "pod-service/pause:1");
        node.startWorker();
        return node;
    }

    Node node(int number) {
        return nodes.get(number);
    }

    private Path relaySocket(int port) {
        return RUN_DIR.resolve(prefix(id) + "-registry-" + port + ".sock");
    }

    /** The node's infra image, from this host's daemon (the node pulls tenants' images from the registries). */
    private static void loadImage(Node node, String image) throws Exception {
        Process save = new ProcessBuilder("docker", "save", image).start();
        Process load = new ProcessBuilder("docker", "-H", "unix://" + node.socket(), "load", "-q")
                .redirectErrorStream(true).start();
        try (var in = save.getInputStream(); var out = load.getOutputStream()) {
            in.transferTo(out);
        }
        String output = new String(load.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(save.waitFor()).as("docker save %s", image).isZero();
        assertThat(load.waitFor()).as("docker load into %s: %s", node.nodeId, output).isZero();
    }

    @Override
    public void close() {
        nodes.values().forEach(Node::stop);
        relays.forEach(Process::destroyForcibly);
        removeOf(id);
    }

    private static String prefix(String id) {
        return "ptn" + id;
    }

    /**
     * Removes what the run {@code id} made of nodes and left (killed before its clean-up): its
     * daemons (found by their pid files under its exec-roots), relays, namespaces and directories.
     */
    static void removeOf(String id) {
        String prefix = prefix(id);
        try (Stream<Path> entries = Files.list(RUN_DIR)) {
            for (Path entry : entries.filter(p -> p.getFileName().toString().startsWith(prefix)).toList()) {
                Path pidFile = entry.resolve("docker.pid");
                if (Files.exists(pidFile)) {
                    ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim())).ifPresent(daemon -> {
                        daemon.destroy();
                        daemon.onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(e -> {
                            daemon.destroyForcibly();
                            return daemon;
                        }).join();
                    });
                }
                ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(entry.toString()))
                        .forEach(ProcessHandle::destroyForcibly);
                if (Files.isDirectory(entry)) {
                    unmountUnder(entry);
                    run("rm", "-rf", entry.toString());
                } else {
                    Files.deleteIfExists(entry);
                }
            }
        } catch (IOException e) {
            System.err.println("nodes of run " + id + " not all removed: " + e);
        }
        for (String namespace : run("ip", "netns", "list").lines().map(line -> line.split(" ")[0]).toList()) {
            if (namespace.startsWith(prefix + "-")) {
                run("ip", "netns", "delete", namespace);
            }
        }
    }

    private static void unmountUnder(Path dir) throws IOException {
        List<String> points = Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
                .map(line -> line.split(" ")).filter(fields -> fields.length > 4).map(fields -> fields[4])
                .filter(point -> point.startsWith(dir + "/") || point.equals(dir.toString()))
                .sorted(java.util.Comparator.comparingInt(String::length).reversed()).toList();
        for (String point : points) {
            run("umount", "-l", point);
        }
    }

    static String inNamespace(String namespace, String... command) {
        List<String> line = new ArrayList<>(List.of("nsenter", "--net=/var/run/netns/" + namespace, "--"));
        line.addAll(List.of(command));
        return run(line.toArray(String[]::new));
    }

    static String run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command[0], e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
