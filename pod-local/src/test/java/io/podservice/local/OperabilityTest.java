package io.podservice.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Health, metrics, the OpenAPI document and the distributed deployment's compose file. */
class OperabilityTest extends ServiceTest {

    @org.springframework.boot.test.web.server.LocalManagementPort
    int managementPort;

    private ApiClient management() {
        Map<String, String> keys = credentials();
        return new ApiClient("http://127.0.0.1:" + managementPort, keys.get("access_key"), keys.get("secret_key"));
    }

    @Test
    void healthIsUpWithPostgresKafkaAndDocker() {
        ApiClient.Response health = management().get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().path("status").asText()).isEqualTo("UP");
        assertThat(health.body().path("components").path("db").path("status").asText()).isEqualTo("UP");
        assertThat(health.body().path("components").path("kafka").path("status").asText()).isEqualTo("UP");
        assertThat(health.body().path("components").path("docker").path("status").asText()).isEqualTo("UP");
    }

    @Test
    void prometheusMetricsAreExposed() {
        ApiClient.Response metrics = management().get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.raw()).contains("jvm_memory_used_bytes").contains("http_server_requests");
    }

    /** Tenants reach the API's port: it says whether the service is ready, and nothing about its parts. */
    @Test
    void theApiPortAnswersReadinessWithoutDetailsAndNoMetrics() {
        ApiClient.Response ready = api().unsigned("GET", "/readyz");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.body().has("components")).isFalse();
        assertThat(api().unsigned("GET", "/actuator/health").status()).isEqualTo(404);
        assertThat(api().unsigned("GET", "/actuator/prometheus").status()).isEqualTo(404);
    }

    @Test
    void theApiIsDescribedByAnOpenApiDocument() {
        ApiClient.Response doc = api().get("/v3/api-docs");
        assertThat(doc.status()).isEqualTo(200);
        assertThat(doc.body().path("paths").has("/v1/regions/{regionId}/pods")).isTrue();
        assertThat(doc.raw()).contains("\"operationId\":\"createPods\"").contains("\"operationId\":\"describePod\"");
    }

    @Test
    void theComposeFileOfTheDistributedDeploymentIsValid() throws Exception {
        Path compose = Path.of("..", "docker-compose.yml").toAbsolutePath().normalize();
        assertThat(compose).exists();
        Path deploy = compose.resolveSibling("deploy");
        // alone, and with scripts/compose-up.sh's overrides (local images, a worker without privileged)
        for (List<String> files : List.of(List.of(compose.toString()), List.of(compose.toString(),
                deploy.resolve("compose.local.yml").toString(), deploy.resolve("compose.unprivileged.yml").toString()))) {
            List<String> command = new java.util.ArrayList<>(List.of("docker-compose"));
            files.forEach(file -> command.addAll(List.of("-f", file)));
            command.addAll(List.of("config", "-q"));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("POD_MASTER_KEY", "dGVzdA==");
            builder.environment().put("POD_NODE_TOKEN", "test-token");
            builder.environment().put("POD_ACCESS_KEY", "TESTACCESSKEY");
            builder.environment().put("POD_SECRET_KEY", "test-secret");
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes());
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(String.join(" ", command) + ": " + output).isZero();
        }
        String text = Files.readString(compose);
        assertThat(text).contains("command-api:", "query-api:", "pod-worker:", "gateway:", "postgres:", "kafka:");
    }
}
