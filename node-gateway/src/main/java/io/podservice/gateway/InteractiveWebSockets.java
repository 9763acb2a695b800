package io.podservice.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.podservice.api.web.ApiException;
import io.podservice.api.web.ApiFailures;
import io.podservice.api.web.ApiResponse;
import io.podservice.api.node.ContainerSessions;
import io.podservice.api.node.ContainerStreamHandler;
import java.io.IOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * The WebSocket endpoints execStart and attach. The upgrade request is signed like any /v1 request
 * (the signature filter runs first); before upgrading, the caller's right to the container and the
 * pod's phase are checked, and refusals answer in the API's error format. The session is then
 * served by the node that runs the pod ({@link NodeRouter}), relayed when it is another JVM.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class InteractiveWebSockets implements WebSocketConfigurer {

    private static final Pattern PATH = Pattern.compile(
            "^/v1/regions/([^/]+)/pods/([^/]+)/containers/([^/:]+):(execStart|attach)$");

    private final NodeRouter nodes;
    private final PodAccess access;
    private final ObjectMapper json;

    InteractiveWebSockets(NodeRouter nodes, PodAccess access, ObjectMapper json) {
        this.nodes = nodes;
        this.access = access;
        this.json = json;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(new ContainerStreamHandler(ContainerStreamHandler.Framing.JDCLOUD), "/v1/regions/*/pods/*/containers/*")
                .addInterceptors(new Check())
                .setAllowedOriginPatterns("*");
    }

    private final class Check implements HandshakeInterceptor {

        @Override
        public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                       Map<String, Object> attributes) throws IOException {
            // the Go SDK sends ':' as %3A: the operation is read from the decoded path
            String decodedPath = org.springframework.web.util.UriUtils.decode(request.getURI().getRawPath(),
                    java.nio.charset.StandardCharsets.UTF_8);
            Matcher path = PATH.matcher(decodedPath);
            try {
                if (!path.matches()) {
                    throw ApiException.notFound("No WebSocket operation at " + decodedPath);
                }
                if (!"websocket".equalsIgnoreCase(request.getHeaders().getUpgrade())) {
                    // JD Cloud's SDKs call execStart and attach as plain GETs: they get the envelope, not Spring's text
                    throw ApiException.invalidArgument(path.group(4) + " streams over a WebSocket: send the request "
                            + "with 'Connection: Upgrade' and 'Upgrade: websocket' (jdc pod exec-start / attach do)");
                }
                String podId = path.group(2);
                String container = path.group(3);
                ContainerSessions sessions = nodes.sessionsFor(access.container(path.group(1), podId, container, true));
                attributes.put(ContainerStreamHandler.SESSIONS, sessions);
                attributes.put(ContainerStreamHandler.POD, podId);
                attributes.put(ContainerStreamHandler.CONTAINER, container);
                if (path.group(4).equals("execStart")) {
                    String execId = execId(request);
                    if (execId == null) {
                        throw ApiException.invalidArgument("Invalid execId: is required (query parameter or x-jdcloud-exec-id header)");
                    }
                    try {
                        sessions.execExitCode(podId, container, execId);
                    } catch (ContainerSessions.NoSuchSession e) {
                        throw ApiException.notFound(e.getMessage());
                    }
                    attributes.put(ContainerStreamHandler.EXEC_ID, execId);
                }
                return true;
            } catch (RuntimeException e) {
                ApiException error = ApiFailures.translate(e);
                if (error == null) {
                    throw e;
                }
                response.setStatusCode(error.status().httpStatus());
                response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
                response.getBody().write(json.writeValueAsBytes(ApiResponse.failure(error.status(), error.getMessage())));
                return false;
            }
        }

        private String execId(ServerHttpRequest request) {
            String header = request.getHeaders().getFirst("x-jdcloud-exec-id");
            if (header != null) {
                return header;
            }
            String query = request.getURI().getRawQuery();
            if (query != null) {
                for (String pair : query.split("&")) {
                    if (pair.startsWith("execId=")) {
                        return java.net.URLDecoder.decode(pair.substring(7), java.nio.charset.StandardCharsets.UTF_8);
                    }
                }
            }
            return null;
        }

        @Override
        public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                   Exception exception) {
            // nothing to do
        }
    }

}
