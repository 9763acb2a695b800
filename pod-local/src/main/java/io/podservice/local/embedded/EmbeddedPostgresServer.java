package io.podservice.local.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL from zonky's embedded binaries, its cluster in {@code <data-dir>/postgres} so that a
 * restart keeps every event. As root, zonky runs the server in a user namespace ({@code unshare -U}),
 * since PostgreSQL refuses to run as root.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedPostgresServer start(Path dataDir, int port) throws IOException {
        Path cluster = dataDir.resolve("postgres");
        Files.createDirectories(cluster.getParent());
        stopOrphanedPostmaster(cluster);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(cluster)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "200")
                .setServerConfig("listen_addresses", "127.0.0.1");
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres postgres = builder.start();
        log.info("embedded PostgreSQL on port {} with its data in {}", postgres.getPort(), cluster);
        return new EmbeddedPostgresServer(postgres);
    }

    int port() {
        return postgres.getPort();
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
    }

    /**
     * A launcher killed with SIGKILL leaves its postmaster running on the data directory; stop it
     * (SIGINT: PostgreSQL's fast shutdown) so this start can own the cluster.
     */
    private static void stopOrphanedPostmaster(Path cluster) throws IOException {
        Path pidFile = cluster.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        String first = Files.readAllLines(pidFile, StandardCharsets.UTF_8).stream().findFirst().orElse("").trim();
        if (!first.matches("\\d+")) {
            return;
        }
        ProcessHandle.of(Long.parseLong(first)).filter(ProcessHandle::isAlive).ifPresent(postmaster -> {
            log.warn("stopping the orphaned PostgreSQL server {} left on {}", postmaster.pid(), cluster);
            try {
                new ProcessBuilder("kill", "-INT", Long.toString(postmaster.pid())).inheritIO().start().waitFor();
                postmaster.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("cannot stop the orphaned PostgreSQL server " + postmaster.pid(), e);
            }
        });
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
