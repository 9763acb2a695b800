package io.podservice.local.identity;

import io.podservice.identity.Accounts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Local mode's first start: creates the account {@code default} with an access key and writes
 * them to {@code <data-dir>/credentials} (mode 0600) in the CLI's profile format, then says where.
 * Later starts keep the file as long as its key still exists.
 */
@Component
class LocalCredentials {

    private static final Logger log = LoggerFactory.getLogger(LocalCredentials.class);
    static final String ACCOUNT = "default";

    private final Accounts accounts;
    private final Path file;
    private final Environment environment;

    LocalCredentials(Accounts accounts, @Value("${pod.local.data-dir:./data}") String dataDir, Environment environment) {
        this.accounts = accounts;
        this.file = Path.of(dataDir).toAbsolutePath().normalize().resolve("credentials");
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ensureDefaultCredentials() {
        try {
            if (existingKey().filter(key -> accounts.accessKeysOf(accounts.ensureAccount(ACCOUNT)).contains(key)).isEmpty()) {
                Accounts.NewAccessKey key = accounts.createAccessKey(accounts.ensureAccount(ACCOUNT));
                String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
                LocalFiles.writePrivate(file, """
                        # pod-service credentials of the account "default" (created on first start).
                        # Keep this file secret. The CLI reads it: POD_CLI_CONFIG=%s scripts/pod ...
                        [default]
                        endpoint = http://127.0.0.1:%s
                        region = cn-north-1
                        access_key = %s
                        secret_key = %s
                        """.formatted(file, port, key.accessKeyId(), key.secretAccessKey()));
            }
            log.info("credentials of the account '{}' are in {}", ACCOUNT, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private Optional<String> existingKey() throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .map(String::trim)
                .filter(line -> line.startsWith("access_key"))
                .map(line -> line.substring(line.indexOf('=') + 1).trim())
                .findFirst();
    }
}
