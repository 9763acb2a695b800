package io.podservice.api.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code pod-service-defaults.yml} as the lowest-priority property source of every
 * application of the service, so actuator, Jackson and Kafka settings are the same everywhere
 * and each application's own configuration only says what differs.
 */
public class ServiceDefaults implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        // Axon's usage reporter would call a public host; also excluded in pod-service-defaults.yml
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
        try {
            new YamlPropertySourceLoader()
                    .load("pod-service-defaults", new ClassPathResource("pod-service-defaults.yml"))
                    .forEach(source -> environment.getPropertySources().addLast(source));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
