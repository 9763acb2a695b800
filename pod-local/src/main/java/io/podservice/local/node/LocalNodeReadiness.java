package io.podservice.local.node;

import io.podservice.api.node.NodeIdentity;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The launcher is started when its node can take pods: pods are placed only on registered, ready
 * nodes, and the node registers with its first heartbeat (sent when the application is ready).
 * So the start waits, a few seconds at most, until the command side has the node as ready, after
 * the node's first heartbeat and before the credentials file is written: a createPods sent as soon
 * as the launcher says it is up is placed, not refused as out of stock.
 */
@Component
class LocalNodeReadiness {

    private static final Logger log = LoggerFactory.getLogger(LocalNodeReadiness.class);
    private static final Duration AT_MOST = Duration.ofSeconds(60);

    private final JdbcTemplate jdbc;
    private final NodeIdentity node;

    LocalNodeReadiness(JdbcTemplate jdbc, NodeIdentity node) {
        this.jdbc = jdbc;
        this.node = node;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    void awaitNodeReady() throws InterruptedException {
        Instant deadline = Instant.now().plus(AT_MOST);
        while (Instant.now().isBefore(deadline)) {
            Integer ready = jdbc.queryForObject("SELECT count(*) FROM node_index WHERE node_id = ? AND state = 'ready'",
                    Integer.class, node.nodeId());
            if (ready != null && ready > 0) {
                log.info("node {} is ready: pods are placed on it", node.nodeId());
                return;
            }
            Thread.sleep(100);
        }
        log.warn("node {} has not registered within {}: createPods answers OUT_OF_STOCK until it does "
                + "(is Kafka reachable? see the worker's heartbeat log)", node.nodeId(), AT_MOST);
    }
}
