package io.podservice.audit;

import io.podservice.persistence.ModuleSchema;
import io.podservice.identity.IdentityModule;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The audit subscriber and its query endpoint; imported by the audit application and by the launcher. */
@Configuration(proxyBeanMethods = false)
@ComponentScan
@Import(IdentityModule.class)
public class AuditModule {

    @Bean
    Flyway auditSchema(DataSource dataSource) {
        return ModuleSchema.migrate(dataSource, "audit");
    }
}
