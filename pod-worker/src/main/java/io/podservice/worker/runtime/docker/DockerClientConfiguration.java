package io.podservice.worker.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The docker-java client of the local daemon: {@code DOCKER_HOST}, or the default socket. */
@Configuration(proxyBeanMethods = false)
class DockerClientConfiguration {

    @Bean
    DockerClientConfig dockerClientConfig() {
        return DefaultDockerClientConfig.createDefaultConfigBuilder().build();
    }

    /** The HTTP client to the daemon, shared by docker-java and the few calls it lacks ({@link ContainerLimits}). */
    @Bean(destroyMethod = "close")
    DockerHttpClient dockerHttpClient(DockerClientConfig config) {
        return new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .maxConnections(50)
                .connectionTimeout(Duration.ofSeconds(5))
                .responseTimeout(Duration.ofMinutes(10))
                .build();
    }

    @Bean
    DockerClient dockerClient(DockerClientConfig config, DockerHttpClient http) {
        return DockerClientImpl.getInstance(config, http);
    }

    @Bean
    DockerHealthIndicator dockerHealthIndicator(DockerClient docker) {
        return new DockerHealthIndicator(docker);
    }
}
