package io.podservice.worker.node;

import io.podservice.api.node.ContainerSessions;
import io.podservice.api.node.ContainerStreamHandler;
import io.podservice.api.node.NodeToken;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * The node's side of execStart and attach: {@code /internal/node/pods/{podId}/containers/{name}/attach}
 * and {@code .../execs/{execId}/start}, with the framing of {@link ContainerStreamHandler}. Only the
 * node token is checked; the query side has checked the caller.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class NodeStreamWebSockets implements WebSocketConfigurer {

    private static final Pattern PATH = Pattern.compile(
            "^/internal/node/pods/([^/]+)/containers/([^/]+)/(attach|execs/([^/]+)/start)$");

    private final ContainerSessions sessions;
    private final NodeToken token;

    NodeStreamWebSockets(ContainerSessions sessions, NodeToken token) {
        this.sessions = sessions;
        this.token = token;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(new ContainerStreamHandler(ContainerStreamHandler.Framing.NODE), "/internal/node/pods/*/containers/*/attach",
                        "/internal/node/pods/*/containers/*/execs/*/start")
                .addInterceptors(new Check());
    }

    private final class Check implements HandshakeInterceptor {

        @Override
        public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                       Map<String, Object> attributes) {
            Matcher path = PATH.matcher(request.getURI().getRawPath());
            if (!token.matches(request.getHeaders().getFirst(NodeToken.HEADER))) {
                response.setStatusCode(HttpStatus.UNAUTHORIZED);
                return false;
            }
            if (!path.matches()) {
                response.setStatusCode(HttpStatus.NOT_FOUND);
                return false;
            }
            attributes.put(ContainerStreamHandler.POD, path.group(1));
            attributes.put(ContainerStreamHandler.CONTAINER, path.group(2));
            if (path.group(4) != null) {
                attributes.put(ContainerStreamHandler.EXEC_ID, path.group(4));
            }
            attributes.put(ContainerStreamHandler.SESSIONS, sessions);
            return true;
        }

        @Override
        public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                   Exception exception) {
            // nothing to do
        }
    }
}
