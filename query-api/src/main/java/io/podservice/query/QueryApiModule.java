package io.podservice.query;

import io.podservice.persistence.ModuleSchema;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import io.podservice.identity.IdentityModule;

/** Everything of the read side; imported by the query-api application and by the launcher. */
@Configuration(proxyBeanMethods = false)
@ComponentScan
@Import(IdentityModule.class)
public class QueryApiModule {

    @Bean
    Flyway querySchema(DataSource dataSource) {
        return ModuleSchema.migrate(dataSource, "query");
    }
}
