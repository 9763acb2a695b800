package io.podservice.identity;

import io.podservice.api.crypto.MasterKey;
import io.podservice.persistence.ModuleSchema;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Identity for the applications that serve the API (command-api, query-api and the launcher). */
@Configuration(proxyBeanMethods = false)
@ComponentScan
@EnableScheduling
@EnableConfigurationProperties(IdentityProperties.class)
public class IdentityModule {

    @Bean
    Flyway identitySchema(DataSource dataSource) {
        return ModuleSchema.migrate(dataSource, "identity");
    }

    @Bean
    MasterKey masterKey(IdentityProperties properties) {
        return MasterKey.fromBase64(properties.getMasterKey());
    }

    @Bean
    FilterRegistrationBean<SignatureFilter> signatureFilter(SignatureVerifier verifier,
                                                           com.fasterxml.jackson.databind.ObjectMapper json) {
        FilterRegistrationBean<SignatureFilter> registration = new FilterRegistrationBean<>(new SignatureFilter(verifier, json));
        registration.addUrlPatterns("/v1/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
