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
 * In local mode, the master key lives in {@code <data-dir>/master.key} (mode 0600), generated on
 * first start, unless {@code pod.master-key} (POD_MASTER_KEY) is given. Losing it loses every
 * encrypted secret; back it up with the data directory, but apart from it.
 */
public class LocalMasterKey implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (StringUtils.hasText(environment.getProperty("pod.master-key"))) {
            return;
        }
        Path dataDir = Path.of(environment.getProperty("pod.local.data-dir", "./data")).toAbsolutePath().normalize();
        Path file = dataDir.resolve("master.key");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(dataDir);
                LocalFiles.writePrivate(file, MasterKey.generateBase64() + "\n");
            }
            String key = Files.readString(file, StandardCharsets.UTF_8).trim();
            environment.getPropertySources().addFirst(new MapPropertySource("pod-local-master-key",
                    Map.of("pod.master-key", key)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the master key " + file, e);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
