package io.podservice.worker.network;

import io.podservice.worker.WorkerProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * The node's network tools ({@code iptables}, {@code ip}, {@code bridge}, its sysctls), run where
 * the node's Docker daemon keeps its networks: here, or in the namespace
 * {@code pod.worker.network-namespace} through {@code nsenter --net=}.
 */
@Component
public class NodeCommands {

    private final WorkerProperties properties;

    NodeCommands(WorkerProperties properties) {
        this.properties = properties;
    }

    /** Thrown when a tool cannot be run at all (not installed, not allowed, hanging). */
    public static final class Unavailable extends RuntimeException {
        Unavailable(String message) {
            super(message);
        }
    }

    /** What a command printed (stdout and stderr) and how it ended. */
    public record Result(int exitCode, String output) {
        boolean succeeded() {
            return exitCode == 0;
        }
    }

    /** Runs {@code command}; its output, or IllegalStateException naming the refused command and its words. */
    public String run(String... command) {
        Result result = execute(command);
        if (!result.succeeded()) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + result.output().trim());
        }
        return result.output();
    }

    public Result execute(String... command) {
        List<String> line = new ArrayList<>();
        if (!properties.getNetworkNamespace().isEmpty()) {
            line.addAll(List.of("nsenter", "--net=" + properties.getNetworkNamespace(), "--"));
        }
        line.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new Unavailable(command[0] + " did not answer within 15 s");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new Unavailable("cannot run " + line.get(0) + " (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted");
        }
    }

    /** The value of a network sysctl ({@code net.ipv4.conf.all.route_localnet}) where the node's networks are. */
    public String sysctl(String key) throws IOException {
        Path file = sysctlFile(key);
        if (properties.getNetworkNamespace().isEmpty()) {
            return Files.readString(file).trim();
        }
        return run("cat", file.toString()).trim();
    }

    public void setSysctl(String key, String value) throws IOException {
        Path file = sysctlFile(key);
        if (properties.getNetworkNamespace().isEmpty()) {
            Files.writeString(file, value);
        } else {
            run("sh", "-c", "echo " + value + " > " + file);
        }
    }

    private static Path sysctlFile(String key) {
        return Path.of("/proc/sys", key.replace('.', '/'));
    }
}
