package io.podservice.gateway;

import io.podservice.api.node.InternalHttp;
import io.podservice.api.node.ContainerSessions;
import io.podservice.api.node.NodeIdentity;
import io.podservice.api.node.NodeToken;
import io.podservice.api.network.Ipv4Cidr;
import io.podservice.api.web.ApiException;
import io.podservice.api.web.ErrorStatus;
import io.podservice.api.node.PodDirectory.PodPlacement;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;

/**
 * Finds the node that serves a pod's interactive requests: the worker in this JVM when the pod runs
 * there (the launcher), otherwise the node recorded for the pod by its last {@code PodPlaced} event,
 * reached over its internal HTTP and WebSocket endpoints with the node token.
 */
@Component
class NodeRouter {

    static final int MAX_MESSAGE_BYTES = 1024 * 1024;
    private static final Logger log = LoggerFactory.getLogger(NodeRouter.class);

    private final ObjectProvider<ContainerSessions> localSessions;
    private final ObjectProvider<NodeIdentity> localNode;
    private final RestClient http;
    private final StandardWebSocketClient webSockets;
    private final String token;

    /**
     * Where nodes may be ({@code pod.gateway.node-networks}): the node token is sent only to a node URL
     * whose host is (or resolves to) an address in these blocks, so a forged report naming another
     * host cannot collect it. Default: the private and loopback ranges.
     */
    private final List<Ipv4Cidr> nodeNetworks;

    NodeRouter(ObjectProvider<ContainerSessions> localSessions, ObjectProvider<NodeIdentity> localNode, NodeToken token,
               @Value("${pod.gateway.node-networks:10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,127.0.0.0/8}")
               List<String> nodeNetworks) {
        this.nodeNetworks = nodeNetworks.stream().map(c -> Ipv4Cidr.parse(c.trim()).orElseThrow(() ->
                new IllegalStateException("pod.gateway.node-networks: '" + c + "' is not a CIDR block"))).toList();
        this.localSessions = localSessions;
        this.localNode = localNode;
        this.http = InternalHttp.client(null, token, Duration.ofSeconds(30));
        WebSocketContainer container = ContainerProvider.getWebSocketContainer();
        container.setDefaultMaxBinaryMessageBufferSize(MAX_MESSAGE_BYTES);
        container.setDefaultMaxTextMessageBufferSize(MAX_MESSAGE_BYTES);
        this.webSockets = new StandardWebSocketClient(container);
        this.webSockets.getUserProperties().put("org.apache.tomcat.websocket.IO_TIMEOUT_MS", "5000");
        this.token = token.value();
    }

    ContainerSessions sessionsFor(PodPlacement pod) {
        ContainerSessions local = localSessions.getIfAvailable();
        NodeIdentity here = localNode.getIfAvailable();
        if (local != null && (pod.nodeId() == null || here != null && pod.nodeId().equals(here.nodeId()))) {
            return local;
        }
        if (pod.nodeUrl() == null) {
            throw new ApiException(ErrorStatus.UNAVAILABLE, "Pod '" + pod.podId() + "' is not placed on a node that "
                    + "serves interactive requests yet; try again when describePod shows it running");
        }
        if (!allowed(pod.nodeUrl())) {
            log.warn("pod {}: node {} reports the URL {}, outside pod.gateway.node-networks; not sending it the node token",
                    pod.podId(), pod.nodeId(), pod.nodeUrl());
            throw new ApiException(ErrorStatus.UNAVAILABLE, "Node '" + pod.nodeId() + "' that runs pod '" + pod.podId()
                    + "' is not reachable from this service");
        }
        return new RemoteContainerSessions(pod.nodeId(), pod.nodeUrl(), http, webSockets, token);
    }

    private boolean allowed(String nodeUrl) {
        try {
            URI uri = URI.create(nodeUrl);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                return false;
            }
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                long value = Ipv4Cidr.address(address.getHostAddress()).orElse(-1L);
                if (value < 0 || nodeNetworks.stream().noneMatch(block -> block.contains(value))) {
                    return false;
                }
            }
            return true;
        } catch (IllegalArgumentException | UnknownHostException e) {
            return false;
        }
    }
}
