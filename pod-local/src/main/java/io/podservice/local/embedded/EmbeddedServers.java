package io.podservice.local.embedded;

import io.podservice.local.identity.LocalFiles;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.SimpleCommandLinePropertySource;

/**
 * The launcher's embedded PostgreSQL and Kafka broker alone, without the service: the servers a
 * distributed deployment's applications share on one machine (the multi-process test, cluster/run.sh).
 * Writes {@code <data-dir>/servers.env} ({@code POD_DB_URL}, {@code POD_DB_USER}, {@code POD_DB_PASSWORD},
 * {@code KAFKA_BOOTSTRAP_SERVERS}; 0600) once both answer, and runs until it is stopped (SIGTERM
 * stops Kafka, then PostgreSQL). Run it from the launcher's jar:
 * <pre>java -cp pod-local.jar -Dloader.main=io.podservice.local.embedded.EmbeddedServers \
 *     org.springframework.boot.loader.launch.PropertiesLauncher --pod.local.data-dir=DIR</pre>
 * Options: {@code --pod.local.data-dir} (default ./data), {@code --pod.local.postgres-port} and
 * {@code --pod.local.kafka-port} / {@code --pod.local.kafka-controller-port} (default 0: any free).
 */
public final class EmbeddedServers {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedServers.class);

    private EmbeddedServers() {
    }

    public static void main(String[] args) throws Exception {
        SimpleCommandLinePropertySource options = new SimpleCommandLinePropertySource(args);
        Path dataDir = Path.of(option(options, "pod.local.data-dir", "./data")).toAbsolutePath().normalize();
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dataDir,
                Integer.parseInt(option(options, "pod.local.postgres-port", "0")));
        EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(dataDir,
                Integer.parseInt(option(options, "pod.local.kafka-port", "0")),
                Integer.parseInt(option(options, "pod.local.kafka-controller-port", "0")));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                kafka.close();
                postgres.close();
            } catch (java.io.IOException e) {
                log.warn("PostgreSQL did not stop cleanly", e);
            } finally {
                stopped.countDown();
            }
        }, "embedded-servers-stop"));
        LocalFiles.writePrivate(dataDir.resolve("servers.env"), String.join("\n",
                "POD_DB_URL=" + postgres.jdbcUrl(),
                "POD_DB_USER=postgres",
                "POD_DB_PASSWORD=" + postgres.password(),
                "KAFKA_BOOTSTRAP_SERVERS=" + kafka.bootstrapServers(), ""));
        log.info("PostgreSQL at {} and Kafka at {}: their settings in {}", postgres.jdbcUrl(), kafka.bootstrapServers(),
                dataDir.resolve("servers.env"));
        stopped.await();
    }

    private static String option(SimpleCommandLinePropertySource options, String name, String otherwise) {
        String value = options.getProperty(name);
        return value != null ? value : otherwise;
    }
}
