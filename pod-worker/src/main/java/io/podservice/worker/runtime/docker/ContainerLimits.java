package io.podservice.worker.runtime.docker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.transport.DockerHttpClient;
import io.podservice.events.PodSpecParts;
import io.podservice.worker.runtime.PodTaskFailure;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Sets a made container's CPU and memory limits in place ({@code docker update}), as a started pod's
 * definition says them after resizePod. Through the daemon's API directly: the containers are made
 * with {@code NanoCpus}, which docker-java's UpdateContainerCmd cannot set (and Docker refuses a CPU
 * quota on a container that has NanoCpus).
 */
@Component
class ContainerLimits {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DockerHttpClient http;

    ContainerLimits(DockerHttpClient http) {
        this.http = http;
    }

    /** The container's limits become {@code limits}; no swap beyond the memory, as at creation. */
    void apply(String containerName, PodSpecParts.Resources limits) {
        long memory = (long) limits.memoryMB() * 1024 * 1024;
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(Map.of("NanoCpus", Math.round(limits.cpu() * 1_000_000_000L),
                    "Memory", memory, "MemorySwap", memory));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        DockerHttpClient.Request request = DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.POST)
                .path("/containers/" + containerName + "/update")
                .putHeader("Content-Type", "application/json")
                .body(new ByteArrayInputStream(body))
                .build();
        try (DockerHttpClient.Response response = http.execute(request)) {
            if (response.getStatusCode() != 200) {
                String answer = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
                throw new PodTaskFailure("ContainerCannotRun", "cannot set the limits of container " + containerName
                        + " (" + limits.cpu() + " vCPU, " + limits.memoryMB() + " MiB): " + answer.trim(), null);
            }
        } catch (IOException e) {
            throw new PodTaskFailure("ContainerCannotRun", "cannot set the limits of container " + containerName + ": "
                    + e.getMessage(), e);
        }
    }
}
