package io.podservice.local;

import io.podservice.command.CommandApiModule;
import io.podservice.audit.AuditModule;
import io.podservice.billing.BillingModule;
import io.podservice.gateway.NodeGatewayModule;
import io.podservice.query.QueryApiModule;
import io.podservice.worker.PodWorkerModule;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * The launcher: command-api, query-api and pod-worker in one JVM on one port, with an embedded
 * PostgreSQL and an embedded single-node KRaft Kafka broker unless external ones are configured.
 */
@SpringBootApplication
@Import({CommandApiModule.class, QueryApiModule.class, NodeGatewayModule.class, PodWorkerModule.class, AuditModule.class, BillingModule.class})
public class PodLocalApplication {

    public static void main(String[] args) {
        SpringApplication.run(PodLocalApplication.class, args);
    }
}
