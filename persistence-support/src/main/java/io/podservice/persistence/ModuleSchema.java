package io.podservice.persistence;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Flyway migrations owned by one module: scripts under {@code classpath:db/<module>} and a history
 * table of the module's own, so command-api and query-api can share one PostgreSQL database (the
 * launcher) or use separate ones (distributed) without their migrations colliding.
 */
public final class ModuleSchema {

    private ModuleSchema() {
    }

    public static Flyway migrate(DataSource dataSource, String module) {
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/" + module)
                .table("schema_history_" + module)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load();
        flyway.migrate();
        return flyway;
    }
}
