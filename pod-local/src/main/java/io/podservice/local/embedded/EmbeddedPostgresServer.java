package io.podservice.local.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL from zonky's embedded binaries, its cluster in {@code <data-dir>/postgres} so that a
 * restart keeps every event. As root, zonky runs the server in a user namespace ({@code unshare -U}),
 * since PostgreSQL refuses to run as root. The role {@code postgres} has a password generated into
 * {@code <data-dir>/postgres.password} (mode 0600) and every connection must present it
 * (scram-sha-256): initdb's trust is replaced after the first start.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;
    private final String password;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, String password) {
        this.postgres = postgres;
        this.password = password;
    }

    static EmbeddedPostgresServer start(Path dataDir, int port) throws IOException {
        Path cluster = dataDir.resolve("postgres");
        Files.createDirectories(cluster.getParent());
        stopOrphanedPostmaster(cluster);
        String password = password(dataDir.resolve("postgres.password"));
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(cluster)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "200")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("password_encryption", "scram-sha-256")
                .setConnectConfig("password", password);
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres postgres = builder.start();
        requirePassword(postgres, cluster, password);
        log.info("embedded PostgreSQL on port {} with its data in {}", postgres.getPort(), cluster);
        return new EmbeddedPostgresServer(postgres, password);
    }

    /** The cluster's password, generated on the first start. */
    private static String password(Path file) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        }
        byte[] random = new byte[24];
        new java.security.SecureRandom().nextBytes(random);
        String password = java.util.HexFormat.of().formatHex(random);
        io.podservice.local.identity.LocalFiles.writePrivate(file, password + "\n");
        return password;
    }

    /** Sets the role's password and makes every connection present it (pg_hba: scram-sha-256), once. */
    private static void requirePassword(EmbeddedPostgres postgres, Path cluster, String password) throws IOException {
        Path hba = cluster.resolve("pg_hba.conf");
        List<String> lines = Files.readAllLines(hba, StandardCharsets.UTF_8);
        List<String> strict = lines.stream().map(line -> line.isBlank() || line.stripLeading().startsWith("#") ? line
                : line.replaceAll("\\s(trust|md5|password)\\s*$", " scram-sha-256")).toList();
        if (strict.equals(lines)) {
            return;
        }
        try (java.sql.Connection connection = postgres.getPostgresDatabase().getConnection();
             java.sql.Statement statement = connection.createStatement()) {
            // the password is hex, generated here: nothing to quote
            statement.execute("ALTER ROLE postgres PASSWORD '" + password + "'");
            Files.write(hba, strict, StandardCharsets.UTF_8);
            statement.execute("SELECT pg_reload_conf()");
        } catch (java.sql.SQLException e) {
            throw new IOException("cannot set the embedded PostgreSQL's password", e);
        }
    }

    String password() {
        return password;
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
