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
 * them to {@code <data-dir>/credentials} (mode 0600) in the CLI's profile format, then says where;
 * the same for the account {@code operator} (an operator: the nodes API) in
 * {@code <data-dir>/operator-credentials}. Later starts keep the files as long as their keys exist.
 */
@Component
class LocalCredentials {

    private static final Logger log = LoggerFactory.getLogger(LocalCredentials.class);
    static final String ACCOUNT = "default";
    static final String OPERATOR = "operator";

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
        ensure(ACCOUNT, file, "");
        // the operator API (nodes) takes an operator's key, never a tenant's
        ensure(OPERATOR, file.resolveSibling("operator-credentials"), " (an operator: pod.operators)");
    }

    private void ensure(String account, Path credentials, String role) {
        try {
            if (existingKey(credentials).filter(key -> accounts.accessKeysOf(accounts.ensureAccount(account)).contains(key))
                    .isEmpty()) {
                Accounts.NewAccessKey key = accounts.createAccessKey(accounts.ensureAccount(account));
                String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
                LocalFiles.writePrivate(credentials, """
                        # pod-service credentials of the account "%s"%s (created on first start).
                        # Keep this file secret. The CLI reads it: POD_CLI_CONFIG=%s scripts/pod ...
                        [default]
                        endpoint = http://127.0.0.1:%s
                        region = cn-north-1
                        access_key = %s
                        secret_key = %s
                        """.formatted(account, role, credentials, port, key.accessKeyId(), key.secretAccessKey()));
            }
            log.info("credentials of the account '{}' are in {}", account, credentials);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + credentials, e);
        }
    }

    private static Optional<String> existingKey(Path file) throws IOException {
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
