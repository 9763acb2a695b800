package io.podservice.gatewayapp;

import io.podservice.gateway.NodeGatewayModule;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** The node gateway as an application of its own, for the distributed deployment. */
@SpringBootApplication(scanBasePackageClasses = NodeGatewayApplication.class)
@Import(NodeGatewayModule.class)
public class NodeGatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(NodeGatewayApplication.class, args);
    }
}
