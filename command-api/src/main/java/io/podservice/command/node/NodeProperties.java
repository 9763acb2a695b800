package io.podservice.command.node;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/** How the service watches its nodes ({@code pod.nodes.*}). */
@Component
@ConfigurationProperties(prefix = "pod.nodes")
public class NodeProperties {

    /**
     * A node not heard from for this long is lost (its heartbeats come every
     * pod.worker.heartbeat-interval, 5 s). Longer than Kafka's consumer session timeout (45 s), so
     * that the heartbeats of a command-api instance that died reach another one in time.
     */
    private Duration lostAfter = Duration.ofSeconds(60);

    /** How often the command side looks for silent nodes. */
    private Duration checkInterval = Duration.ofSeconds(5);

    public Duration getLostAfter() {
        return lostAfter;
    }

    public void setLostAfter(Duration lostAfter) {
        this.lostAfter = lostAfter;
    }

    public Duration getCheckInterval() {
        return checkInterval;
    }

    public void setCheckInterval(Duration checkInterval) {
        this.checkInterval = checkInterval;
    }
}
