package io.podservice.local;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.testcontainers.DockerClientFactory;

/**
 * This test run's identity: a label that every container it creates carries (pods through the
 * worker's extra labels, fixtures through Testcontainers), so the run removes exactly what it
 * made and nothing else; and a fresh data directory for the embedded PostgreSQL and Kafka.
 * A run registers itself under {@link #RUNS} (its process and the process's start), so that a
 * later run can tell a run that was killed before its clean-up from one still going and remove
 * what the dead one made: its containers, volumes, networks, iptables chains, cgroups and images,
 * found by its own mark, never by anything broader.
 */
final class TestRun {

    static final String LABEL = "pod-service.test-run";
    static final String ID = UUID.randomUUID().toString().substring(0, 8);
    static final Path DATA_DIR = Path.of("target", "it-data").toAbsolutePath();
    /** The iptables chain of the run's elastic IPs (with its -MASQ and -FWD companions). */
    static final String NAT_CHAIN = natChain(ID);
    /** The cgroup under which the run's pods get theirs. */
    static final String CGROUP_ROOT = cgroupRoot(ID);
    /** Where runs register themselves: one file per run, named by its id, holding its pid and start. */
    static final Path RUNS = Path.of(System.getProperty("java.io.tmpdir"), "pod-service-test-runs");

    private TestRun() {
    }

    private static String natChain(String id) {
        return "PT" + id;
    }

    private static String cgroupRoot(String id) {
        return "podsvc-it-" + id;
    }

    /** The launcher's installation id (pod.worker.cluster), which its data directory holds. */
    static String cluster() {
        try {
            return Files.readString(DATA_DIR.resolve("cluster.id")).trim();
        } catch (IOException e) {
            throw new IllegalStateException("the launcher has not written its cluster id yet", e);
        }
    }

    static Map<String, String> labels() {
        return Map.of(LABEL, ID);
    }

    static void prepareDataDir() {
        unmountUnderDataDir();
        deleteRecursively(DATA_DIR);
    }

    /**
     * Unmounts what the run's worker bound under its data directory (subPath binds and volume views)
     * and did not release, deepest first, so that nothing of a volume is deleted with the directory.
     */
    static void unmountUnderDataDir() {
        String root = DATA_DIR.toString();
        try {
            List<String> points = Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
                    .map(line -> line.split(" "))
                    .filter(fields -> fields.length > 4)
                    .map(fields -> fields[4].replace("\\040", " "))
                    .filter(point -> point.startsWith(root + "/"))
                    .sorted(Comparator.comparingInt(String::length).reversed())
                    .toList();
            for (String point : points) {
                new ProcessBuilder("umount", "-l", point).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list the mounts under " + root, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Registers this run as alive (see {@link #RUNS}). */
    static void register() {
        try {
            Files.createDirectories(RUNS);
            // written whole or not at all: a run starting now never reads it half-written and takes this one for dead
            Path written = Files.writeString(Files.createTempFile(RUNS, ID, ".tmp"), owner(ProcessHandle.current()));
            Files.move(written, RUNS.resolve(ID), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IllegalStateException("cannot register the test run under " + RUNS, e);
        }
    }

    /** Forgets this run's registration, once what it made is removed. */
    static void unregister() {
        try {
            Files.deleteIfExists(RUNS.resolve(ID));
        } catch (IOException e) {
            // a later run finds the file, sees the process gone and removes nothing that is left
        }
    }

    /**
     * Removes what runs killed before their clean-up left (a registered run whose process is gone,
     * or is another process under a reused pid), then forgets them.
     */
    static void removeDeadRuns() {
        if (!Files.isDirectory(RUNS)) {
            return;
        }
        try (Stream<Path> runs = Files.list(RUNS)) {
            for (Path run : runs.filter(p -> !p.getFileName().toString().endsWith(".tmp")).toList()) {
                String id = run.getFileName().toString();
                String recorded = Files.readString(run).trim();
                boolean alive = id.matches("[0-9a-f]{8}") && recorded.contains(" ")
                        && ProcessHandle.of(Long.parseLong(recorded.substring(0, recorded.indexOf(' '))))
                                .map(TestRun::owner).filter(recorded::equals).isPresent();
                if (!alive && !id.equals(ID)) {
                    System.out.println("[test-run] removing what the dead test run " + id + " left behind");
                    removeEverythingOf(id);
                    Files.deleteIfExists(run);
                }
            }
        } catch (IOException | RuntimeException e) {
            System.out.println("[test-run] could not look at earlier runs: " + e);
        }
    }

    private static String owner(ProcessHandle process) {
        return process.pid() + " " + process.info().startInstant().map(Object::toString).orElse("?");
    }

    /**
     * Everything this run made on this machine, but the mounts under its data directory: the
     * containers it labelled (pods before the fixtures they pull from), its volumes (pods' data
     * volumes), networks (the pods' subnets), iptables chains (every worker's of the run, and the
     * jumps to them), the pods' cgroups and the test images pulled or tagged for it.
     */
    static void removeEverything() {
        removeEverythingOf(ID);
    }

    private static void removeEverythingOf(String id) {
        removeContainers(id);
        removeVolumes(id);
        removeNetworks(id);
        removeNatChains(natChain(id));
        removeCgroups(cgroupRoot(id));
        NodeHosts.removeOf(id);
        DockerClient docker = DockerClientFactory.lazyClient();
        docker.listImagesCmd().exec().stream()
                .flatMap(image -> image.getRepoTags() == null ? Stream.empty() : Stream.of(image.getRepoTags()))
                .filter(tag -> tag.endsWith("/it/busybox:" + id))
                .forEach(TestRun::removeImage);
    }

    /** Removes every container labelled with the run {@code id}. */
    private static void removeContainers(String id) {
        DockerClient docker = DockerClientFactory.lazyClient();
        List<Container> mine = docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(LABEL, id)).exec();
        for (Container container : mine) {
            try {
                docker.removeContainerCmd(container.getId()).withForce(true).withRemoveVolumes(true).exec();
            } catch (NotFoundException | com.github.dockerjava.api.exception.ConflictException gone) {
                // removed meanwhile, or its removal is under way
            }
        }
    }

    /** Removes every volume labelled with the run {@code id}. */
    private static void removeVolumes(String id) {
        DockerClient docker = DockerClientFactory.lazyClient();
        var volumes = docker.listVolumesCmd().withFilter("label", List.of(LABEL + "=" + id)).exec().getVolumes();
        for (var volume : volumes == null ? List.<com.github.dockerjava.api.command.InspectVolumeResponse>of() : volumes) {
            try {
                docker.removeVolumeCmd(volume.getName()).exec();
            } catch (NotFoundException gone) {
                // removed meanwhile
            }
        }
    }

    /** Removes every network labelled with the run {@code id}. */
    private static void removeNetworks(String id) {
        DockerClient docker = DockerClientFactory.lazyClient();
        for (var network : docker.listNetworksCmd().withFilter("label", List.of(LABEL + "=" + id)).exec()) {
            try {
                docker.removeNetworkCmd(network.getId()).exec();
            } catch (NotFoundException gone) {
                // removed meanwhile
            }
        }
    }

    /** Removes the chains whose names start with {@code prefix} (every worker's of a run) and the jumps to them. */
    private static void removeNatChains(String prefix) {
        String[][] tables = {{"nat", "PREROUTING", "OUTPUT", "POSTROUTING"}, {"filter", "FORWARD", "DOCKER-USER", "INPUT"}};
        for (String[] table : tables) {
            List<String> chains = chains(table[0], prefix);
            for (String chain : chains) {
                for (int i = 1; i < table.length; i++) {
                    while (iptables("-t", table[0], "-D", table[i], "-j", chain)) {
                        // inserted once per worker start at most; removed until none is left
                    }
                    while (iptables("-t", table[0], "-D", table[i], "-i", "pod-+", "-j", chain)) {
                        // the guard of the node against its pods is jumped to for pod bridges only
                    }
                }
            }
            for (String chain : chains) {
                iptables("-t", table[0], "-F", chain);
                iptables("-t", table[0], "-X", chain);
            }
        }
    }

    /** Removes a run's pod cgroups (empty directories the kernel owns the files of), deepest first. */
    private static void removeCgroups(String cgroupRoot) {
        try (Stream<Path> controllers = Files.list(Path.of("/sys/fs/cgroup"))) {
            for (Path controller : controllers.toList()) {
                Path root = controller.resolve(cgroupRoot);
                if (!Files.isDirectory(root)) {
                    continue;
                }
                try (Stream<Path> dirs = Files.walk(root)) {
                    for (Path dir : dirs.filter(Files::isDirectory).sorted(Comparator.reverseOrder()).toList()) {
                        try {
                            Files.deleteIfExists(dir);
                        } catch (IOException busy) {
                            // a process still in it: the container is on its way out
                        }
                    }
                }
            }
        } catch (IOException e) {
            // no cgroup filesystem here: nothing was made
        }
    }

    /** Empties the run's elastic IP translations in the nat table, as a reboot would lose them. */
    static void flushNatChains() {
        natChains("nat").forEach(chain -> iptables("-t", "nat", "-F", chain));
    }

    /** The chains of the run in a table (their names start with the run's prefix). */
    static List<String> natChains(String table) {
        return chains(table, NAT_CHAIN);
    }

    private static List<String> chains(String table, String prefix) {
        try {
            Process process = new ProcessBuilder("iptables", "-w", "5", "-t", table, "-S").redirectErrorStream(true).start();
            String listing = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            process.waitFor();
            return listing.lines().filter(line -> line.startsWith("-N " + prefix)).map(line -> line.substring(3).trim())
                    .toList();
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    static boolean iptables(String... args) {
        java.util.List<String> command = new java.util.ArrayList<>(List.of("iptables", "-w", "5"));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Removes an image this run pulled, if it is there. */
    static void removeImage(String image) {
        try {
            DockerClientFactory.lazyClient().removeImageCmd(image).withForce(true).exec();
        } catch (NotFoundException gone) {
            // never pulled
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot clean " + dir, e);
        }
    }
}
