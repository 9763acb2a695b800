package io.podservice.local.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Before the launcher's context starts: starts the embedded PostgreSQL unless
 * {@code spring.datasource.url} (POD_DB_URL) is set, and the embedded Kafka broker unless
 * {@code spring.kafka.bootstrap-servers} (KAFKA_BOOTSTRAP_SERVERS) is set, and points the
 * application at them. The servers live as long as the JVM (one per JVM, shared by every context
 * a test run starts) and are stopped by {@link EmbeddedInfrastructureLifecycle} when the context closes.
 */
public class EmbeddedInfrastructure implements EnvironmentPostProcessor, Ordered {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedInfrastructure.class);
    private static EmbeddedPostgresServer postgres;
    private static EmbeddedKafkaBroker kafka;
    private static Path dataDirectory;
    private static int stoppedPostgresPort;
    private static int[] stoppedKafkaPorts;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty("pod.local.embedded", Boolean.class, true)) {
            return;
        }
        Path dataDir = Path.of(environment.getProperty("pod.local.data-dir", "./data")).toAbsolutePath().normalize();
        dataDirectory = dataDir;
        Map<String, Object> overrides = new HashMap<>();
        try {
            Files.createDirectories(dataDir);
            synchronized (EmbeddedInfrastructure.class) {
                if (!StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
                    if (postgres == null) {
                        postgres = EmbeddedPostgresServer.start(dataDir,
                                environment.getProperty("pod.local.postgres-port", Integer.class, 0));
                    }
                    overrides.put("spring.datasource.url", postgres.jdbcUrl());
                    overrides.put("spring.datasource.username", "postgres");
                    overrides.put("spring.datasource.password", postgres.password());
                }
                if (!StringUtils.hasText(environment.getProperty("spring.kafka.bootstrap-servers"))) {
                    if (kafka == null) {
                        kafka = EmbeddedKafkaBroker.start(dataDir,
                                environment.getProperty("pod.local.kafka-port", Integer.class, 19092),
                                environment.getProperty("pod.local.kafka-controller-port", Integer.class, 19093));
                    }
                    overrides.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the embedded infrastructure in " + dataDir, e);
        }
        environment.getPropertySources().addFirst(new MapPropertySource("pod-local-embedded", overrides));
    }

    /**
     * Fault drills (the fault tests use them): stops the embedded PostgreSQL (fast shutdown: sessions
     * end, new connections are refused) until {@link #startPostgres()} brings it back on the same port
     * with the same data.
     */
    public static synchronized void stopPostgres() throws IOException {
        if (postgres == null) {
            throw new IllegalStateException("no embedded PostgreSQL runs in this JVM");
        }
        stoppedPostgresPort = postgres.port();
        postgres.close();
        postgres = null;
    }

    public static synchronized void startPostgres() throws IOException {
        if (postgres == null) {
            postgres = EmbeddedPostgresServer.start(dataDirectory, stoppedPostgresPort);
        }
    }

    /** Fault drills: stops the embedded broker until {@link #startKafka()} brings it back on the same ports and log. */
    public static synchronized void stopKafka() {
        if (kafka == null) {
            throw new IllegalStateException("no embedded Kafka broker runs in this JVM");
        }
        stoppedKafkaPorts = new int[] {kafka.port(), kafka.controllerPort()};
        kafka.close();
        kafka = null;
    }

    public static synchronized void startKafka() throws Exception {
        if (kafka == null) {
            kafka = EmbeddedKafkaBroker.start(dataDirectory, stoppedKafkaPorts[0], stoppedKafkaPorts[1]);
        }
    }

    /** Stops what this JVM started: Kafka first (its clients are already closed), then PostgreSQL. */
    static synchronized void stopAll() {
        if (kafka != null) {
            try {
                kafka.close();
            } catch (RuntimeException e) {
                log.warn("embedded Kafka did not stop cleanly", e);
            }
            kafka = null;
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (Exception e) {
                log.warn("embedded PostgreSQL did not stop cleanly", e);
            }
            postgres = null;
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
