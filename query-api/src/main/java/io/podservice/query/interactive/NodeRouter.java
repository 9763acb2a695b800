package io.podservice.query.interactive;

import io.podservice.api.node.ContainerSessions;
import io.podservice.api.node.NodeIdentity;
import io.podservice.api.node.NodeToken;
import io.podservice.api.web.ApiException;
import io.podservice.api.web.ErrorStatus;
import io.podservice.query.pods.PodView;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;
import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.client.JdkClientHttpRequestFactory;
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

    private final ObjectProvider<ContainerSessions> localSessions;
    private final ObjectProvider<NodeIdentity> localNode;
    private final RestClient http;
    private final StandardWebSocketClient webSockets;
    private final String token;

    NodeRouter(ObjectProvider<ContainerSessions> localSessions, ObjectProvider<NodeIdentity> localNode, NodeToken token) {
        this.localSessions = localSessions;
        this.localNode = localNode;
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build());
        requests.setReadTimeout(Duration.ofSeconds(30));
        this.http = RestClient.builder().requestFactory(requests).defaultHeader(NodeToken.HEADER, token.value()).build();
        WebSocketContainer container = ContainerProvider.getWebSocketContainer();
        container.setDefaultMaxBinaryMessageBufferSize(MAX_MESSAGE_BYTES);
        container.setDefaultMaxTextMessageBufferSize(MAX_MESSAGE_BYTES);
        this.webSockets = new StandardWebSocketClient(container);
        this.webSockets.getUserProperties().put("org.apache.tomcat.websocket.IO_TIMEOUT_MS", "5000");
        this.token = token.value();
    }

    ContainerSessions sessionsFor(PodView pod) {
        ContainerSessions local = localSessions.getIfAvailable();
        NodeIdentity here = localNode.getIfAvailable();
        if (local != null && (pod.nodeId() == null || here != null && pod.nodeId().equals(here.nodeId()))) {
            return local;
        }
        if (pod.nodeUrl() == null) {
            throw new ApiException(ErrorStatus.UNAVAILABLE, "Pod '" + pod.podId() + "' is not placed on a node that "
                    + "serves interactive requests yet; try again when describePod shows it running");
        }
        return new RemoteContainerSessions(pod.nodeId(), pod.nodeUrl(), http, webSockets, token);
    }
}
