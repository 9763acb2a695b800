package io.podservice.gateway;

import io.podservice.api.node.NodeToken;
import io.podservice.api.node.PodDirectory;
import io.podservice.identity.IdentityModule;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * The node gateway: imported by its own application and by the launcher. Where the read side runs
 * in the same JVM its {@link PodDirectory} answers where pods are; otherwise the read side's internal
 * endpoint does ({@code pod.gateway.query-api-url}).
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan
@Import(IdentityModule.class)
public class NodeGatewayModule {

    @Bean
    PodAccess podAccess(ObjectProvider<PodDirectory> local, NodeToken token, Environment environment,
                        io.podservice.api.catalog.RegionCatalog regions) {
        PodDirectory directory = local.getIfAvailable(() -> new RemotePodDirectory(environment.getProperty(
                "pod.gateway.query-api-url", "http://127.0.0.1:" + environment.getProperty("local.server.port",
                        environment.getProperty("server.port", "8080"))), token));
        return new PodAccess(directory, regions);
    }
}
