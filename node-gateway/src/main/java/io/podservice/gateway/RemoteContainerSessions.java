package io.podservice.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.podservice.api.node.ContainerSessions;
import io.podservice.api.node.ContainerStreamHandler;
import io.podservice.api.node.NodeToken;
import io.podservice.api.web.ApiException;
import io.podservice.api.web.ErrorStatus;
import io.podservice.events.EventJson;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.HashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@link ContainerSessions} of a pod on another node, through that node's internal endpoints
 * ({@code /internal/node/...}, served by the worker's {@code node} package). The node's NOT_FOUND
 * becomes {@link NoSuchSession}; its other errors pass through with their status; a node that does
 * not answer is UNAVAILABLE, naming the node.
 */
class RemoteContainerSessions implements ContainerSessions {

    private static final ObjectMapper JSON = EventJson.newMapper();
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RemoteContainerSessions.class);

    private final String nodeId;
    private final String baseUrl;
    private final RestClient http;
    private final StandardWebSocketClient webSockets;
    private final String token;

    RemoteContainerSessions(String nodeId, String baseUrl, RestClient http, StandardWebSocketClient webSockets,
                            String token) {
        this.nodeId = nodeId;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.http = http;
        this.webSockets = webSockets;
        this.token = token;
    }

    private UriComponentsBuilder container(String podId, String container) {
        return UriComponentsBuilder.fromUriString(baseUrl).path("/internal/node/pods/{podId}/containers/{container}")
                .uriVariables(Map.of("podId", podId, "container", container));
    }

    @Override
    public String logs(String podId, String container, LogQuery query) {
        URI uri = container(podId, container).path("/logs")
                .queryParamIfPresent("tailLines", Optional.ofNullable(query.tailLines()))
                .queryParamIfPresent("sinceSeconds", Optional.ofNullable(query.sinceSeconds()))
                .queryParamIfPresent("limitBytes", Optional.ofNullable(query.limitBytes()))
                .queryParamIfPresent("startTime", Optional.ofNullable(query.startTime()))
                .queryParamIfPresent("endTime", Optional.ofNullable(query.endTime()))
                .build().encode().toUri();
        return call(() -> http.get().uri(uri).retrieve().body(JsonNode.class)).path("content").asText();
    }

    @Override
    public String execCreate(String podId, String container, List<String> command, boolean tty) {
        URI uri = container(podId, container).path("/execs").build().encode().toUri();
        return call(() -> http.post().uri(uri).body(Map.of("command", command, "tty", tty)).retrieve()
                .body(JsonNode.class)).path("execId").asText();
    }

    @Override
    public OptionalInt execExitCode(String podId, String container, String execId) {
        URI uri = container(podId, container).path("/execs/{execId}").buildAndExpand(Map.of("execId", execId))
                .encode().toUri();
        JsonNode code = call(() -> http.get().uri(uri).retrieve().body(JsonNode.class)).path("exitCode");
        return code.isInt() ? OptionalInt.of(code.asInt()) : OptionalInt.empty();
    }

    @Override
    public void resize(String podId, String container, String execId, int height, int width) {
        URI uri = container(podId, container).path("/resize").build().encode().toUri();
        Map<String, Object> body = new HashMap<>(Map.of("height", height, "width", width));
        body.put("execId", execId);
        call(() -> http.post().uri(uri).body(body).retrieve().body(JsonNode.class));
    }

    @Override
    public Session execStart(String podId, String container, String execId, Output output) {
        return stream(container(podId, container).path("/execs/{execId}/start")
                .buildAndExpand(Map.of("execId", execId)).encode().toUri(), output);
    }

    @Override
    public Session attach(String podId, String container, Output output) {
        return stream(container(podId, container).path("/attach").build().encode().toUri(), output);
    }

    /** Opens the node's stream and relays it: its messages to {@code output}, stdin to it. */
    private Session stream(URI httpUri, Output output) {
        URI uri = URI.create(httpUri.toString().replaceFirst("^http", "ws"));
        WebSocketHttpHeaders headers = new WebSocketHttpHeaders();
        headers.add(NodeToken.HEADER, token);
        WebSocketSession raw;
        CompletableFuture<WebSocketSession> connecting = webSockets.execute(new Relay(output), headers, uri);
        try {
            raw = connecting.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abandon(connecting);
            throw unavailable(e);
        } catch (ExecutionException | TimeoutException e) {
            abandon(connecting);
            throw unavailable(e.getCause() == null ? e : e.getCause());
        }
        WebSocketSession session = new ConcurrentWebSocketSessionDecorator(raw, 10_000, 4 * 1024 * 1024);
        return new Session() {
            @Override
            public void stdin(byte[] data) {
                send(new BinaryMessage(data));
            }

            @Override
            public void closeStdin() {
                send(new BinaryMessage(new byte[0]));
            }

            @Override
            public void endOfTransmission() {
                // the node knows whether the session has a TTY, so it decides what Ctrl-D means
                send(new org.springframework.web.socket.TextMessage(ContainerStreamHandler.NODE_END_OF_TRANSMISSION));
            }

            private void send(org.springframework.web.socket.WebSocketMessage<?> message) {
                try {
                    session.sendMessage(message);
                } catch (IOException e) {
                    throw unavailable(e);
                }
            }

            @Override
            public void close() {
                try {
                    session.close();
                } catch (IOException e) {
                    // the node's side is gone already
                }
            }
        };
    }

    /** A connection that came too late has no owner: closed as soon as it is there. */
    private static void abandon(CompletableFuture<WebSocketSession> connecting) {
        connecting.cancel(true);
        connecting.thenAccept(session -> {
            try {
                session.close();
            } catch (IOException e) {
                // gone already
            }
        });
    }

    /** The node's messages, one stream byte then the bytes, handed on as they are. */
    private static final class Relay extends AbstractWebSocketHandler {

        private final Output output;

        Relay(Output output) {
            this.output = output;
        }

        @Override
        protected void handleBinaryMessage(WebSocketSession session, BinaryMessage message) {
            ByteBuffer payload = message.getPayload();
            if (payload.remaining() < 1) {
                return;
            }
            int stream = payload.get();
            byte[] data = new byte[payload.remaining()];
            payload.get(data);
            output.write(stream, data);
        }

        @Override
        public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
            if (status.equalsCode(CloseStatus.NORMAL)) {
                output.ended();
            } else {
                output.failed(status.getReason() == null ? "the node closed the session (" + status.getCode() + ")"
                        : status.getReason());
            }
        }
    }

    /** The {@code result} of the node's answer (a missing node when it has none). */
    private JsonNode call(Supplier<JsonNode> request) {
        try {
            JsonNode answer = request.get();
            return answer == null ? JSON.missingNode() : answer.path("result");
        } catch (RestClientResponseException e) {
            JsonNode error = readError(e.getResponseBodyAsByteArray());
            String status = error.path("status").asText("");
            String message = error.path("message").asText(e.getStatusText());
            if (status.equals(ErrorStatus.NOT_FOUND.name())) {
                throw new NoSuchSession(message);
            }
            ErrorStatus known = Arrays.stream(ErrorStatus.values()).filter(s -> s.name().equals(status)).findFirst()
                    .orElse(ErrorStatus.INTERNAL);
            throw new ApiException(known == ErrorStatus.UNAUTHENTICATED ? ErrorStatus.INTERNAL : known,
                    known == ErrorStatus.UNAUTHENTICATED ? "Node '" + nodeId + "' refused this service's node token"
                            : message);
        } catch (ResourceAccessException e) {
            throw unavailable(e);
        }
    }

    private static JsonNode readError(byte[] body) {
        try {
            return JSON.readTree(body).path("error");
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }

    private ApiException unavailable(Throwable cause) {
        // the node's address and the cause are for the operators' log, not for the caller
        log.warn("node {} at {} does not answer: {}", nodeId, baseUrl, cause.toString());
        return new ApiException(ErrorStatus.UNAVAILABLE, "Node '" + nodeId + "' that runs the pod does not answer; "
                + "try again when describePod shows the pod running on another node");
    }
}
