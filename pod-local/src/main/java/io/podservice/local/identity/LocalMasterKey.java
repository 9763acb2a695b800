package io.podservice.local.identity;

import io.podservice.api.crypto.MasterKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * In local mode, the master key lives in {@code <data-dir>/master.key} and the node token in
 * {@code <data-dir>/node.token} (mode 0600), generated on first start, unless {@code pod.master-key}
 * (POD_MASTER_KEY) or {@code pod.node-token} (POD_NODE_TOKEN) is given. Losing it loses every
 * encrypted secret; back it up with the data directory, but apart from it.
 */
public class LocalMasterKey implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Path dataDir = Path.of(environment.getProperty("pod.local.data-dir", "./data")).toAbsolutePath().normalize();
        Map<String, Object> generated = new java.util.HashMap<>();
        // the master key encrypts secrets at rest; the node token lets workers fetch a secret's data key
        local(environment, dataDir, "pod.master-key", "master.key", generated, MasterKey::generateBase64);
        local(environment, dataDir, "pod.node-token", "node.token", generated, MasterKey::generateBase64);
        // the installation's name on the Docker daemon: its worker touches only what carries it
        local(environment, dataDir, "pod.worker.cluster", "cluster.id", generated, LocalMasterKey::clusterId);
        if (!generated.isEmpty()) {
            environment.getPropertySources().addFirst(new MapPropertySource("pod-local-keys", generated));
        }
    }

    private static String clusterId() {
        byte[] random = new byte[8];
        new java.security.SecureRandom().nextBytes(random);
        return "local-" + java.util.HexFormat.of().formatHex(random);
    }

    private static void local(ConfigurableEnvironment environment, Path dataDir, String property, String fileName,
                              Map<String, Object> generated, java.util.function.Supplier<String> generator) {
        if (StringUtils.hasText(environment.getProperty(property))) {
            return;
        }
        Path file = dataDir.resolve(fileName);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(dataDir);
                LocalFiles.writePrivate(file, generator.get() + "\n");
            }
            generated.put(property, Files.readString(file, StandardCharsets.UTF_8).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
