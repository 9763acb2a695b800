package io.podservice.worker.node;

import io.podservice.api.node.NodeIdentity;
import io.podservice.worker.WorkerProperties;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * This node as the rest of the service sees it: the id that signs its task results and the URL of
 * its internal interactive endpoints. The URL is {@code pod.worker.advertised-url} or, unset,
 * {@code http://<advertised-host>:<port>} once the web server has its port (it starts before the
 * Kafka listeners, so every report carries it).
 */
@Component
class WorkerNode implements NodeIdentity {

    private final WorkerProperties properties;
    private final ApplicationContext context;

    WorkerNode(WorkerProperties properties, ApplicationContext context) {
        this.properties = properties;
        this.context = context;
    }

    @Override
    public String nodeId() {
        return properties.getWorkerId();
    }

    @Override
    public String nodeUrl() {
        if (properties.getAdvertisedUrl() != null && !properties.getAdvertisedUrl().isBlank()) {
            return properties.getAdvertisedUrl();
        }
        if (context instanceof WebServerApplicationContext web && web.getWebServer() != null
                && web.getWebServer().getPort() > 0) {
            return "http://" + properties.getAdvertisedHost() + ":" + web.getWebServer().getPort();
        }
        return null;
    }
}
