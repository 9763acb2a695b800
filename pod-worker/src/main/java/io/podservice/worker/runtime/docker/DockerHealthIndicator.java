package io.podservice.worker.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Version;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/** Up when the Docker daemon answers a version request. */
class DockerHealthIndicator extends AbstractHealthIndicator {

    private final DockerClient docker;

    DockerHealthIndicator(DockerClient docker) {
        super("Docker health check failed");
        this.docker = docker;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Version version = docker.versionCmd().exec();
        builder.up().withDetail("version", version.getVersion()).withDetail("apiVersion", version.getApiVersion());
    }
}
