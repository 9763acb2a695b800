package io.podservice.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the node's memory holds at one moment, read from /proc on this machine: the whole machine's
 * used memory (MemTotal - MemAvailable), Docker's own processes (dockerd, containerd and one
 * containerd-shim per container), and the service's JVM (its resident set and its heap right after
 * a full collection, asked for with {@code jcmd GC.run}) when its process id is known. Two samples
 * around a burst, divided by its pods, give the memory one running pod costs.
 */
record NodeMemory(long machineKiB, long dockerKiB, long serviceRssKiB, long serviceHeapKiB) {

    private static final Set<String> DOCKER_PROCESSES = Set.of("dockerd", "containerd", "containerd-shim");
    private static final Pattern HEAP = Pattern.compile("jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*\\} ([0-9.eE+-]+)");

    /** The sample now; {@code servicePid} 0 when the service is not a process of this machine. */
    static NodeMemory sample(long servicePid, URI management, HttpClient http) {
        long heap = servicePid > 0 ? heapAfterCollection(servicePid, management, http) : 0;
        return new NodeMemory(machineUsed(), dockerProcesses(), servicePid > 0 ? rss(servicePid) : 0, heap);
    }

    /** MiB per pod between two samples, as a table cell. */
    static String perPod(long beforeKiB, long afterKiB, int pods) {
        return afterKiB == 0 ? "n/a" : String.format("%.1f", (afterKiB - beforeKiB) / 1024.0 / pods);
    }

    private static long machineUsed() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/meminfo"));
            return field(lines, "MemTotal:") - field(lines, "MemAvailable:");
        } catch (IOException e) {
            return 0;
        }
    }

    private static long dockerProcesses() {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> DOCKER_PROCESSES.contains(comm(p)))
                    .mapToLong(p -> rss(Long.parseLong(p.getFileName().toString())))
                    .sum();
        } catch (IOException e) {
            return 0;
        }
    }

    private static String comm(Path process) {
        try {
            return Files.readString(process.resolve("comm")).trim();
        } catch (IOException gone) {
            return "";
        }
    }

    private static long rss(long pid) {
        try {
            return field(Files.readAllLines(Path.of("/proc/" + pid + "/status")), "VmRSS:");
        } catch (IOException gone) {
            return 0;
        }
    }

    private static long field(List<String> lines, String name) {
        return lines.stream().filter(l -> l.startsWith(name))
                .map(l -> l.substring(name.length()).trim().split("\\s+")[0])
                .mapToLong(Long::parseLong).findFirst().orElse(0);
    }

    /** The service's heap after a full collection (so garbage does not count), from its Prometheus endpoint. */
    private static long heapAfterCollection(long pid, URI management, HttpClient http) {
        try {
            Process gc = new ProcessBuilder("jcmd", Long.toString(pid), "GC.run").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!gc.waitFor(60, TimeUnit.SECONDS)) {
                gc.destroyForcibly();
                return 0;
            }
            String metrics = http.send(HttpRequest.newBuilder(management.resolve("/actuator/prometheus")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = HEAP.matcher(metrics);
            double bytes = 0;
            while (m.find()) {
                bytes += Double.parseDouble(m.group(1));
            }
            return (long) (bytes / 1024);
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
