package io.podservice.queryapp;

import io.podservice.query.QueryApiModule;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** query-api as an application of its own, for the distributed deployment (external PostgreSQL and Kafka). */
@SpringBootApplication(scanBasePackageClasses = QueryApiApplication.class)
@Import(QueryApiModule.class)
public class QueryApiApplication {

    public static void main(String[] args) {
        SpringApplication.run(QueryApiApplication.class, args);
    }
}
