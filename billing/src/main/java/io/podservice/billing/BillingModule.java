package io.podservice.billing;

import io.podservice.persistence.ModuleSchema;
import io.podservice.identity.IdentityModule;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The billing subscriber, its price list and usage endpoint; imported by the billing application and by the launcher. */
@Configuration(proxyBeanMethods = false)
@ComponentScan
@Import(IdentityModule.class)
public class BillingModule {

    @Bean
    Flyway billingSchema(DataSource dataSource) {
        return ModuleSchema.migrate(dataSource, "billing");
    }
}
