package io.podservice.api.node;

import io.podservice.api.node.ContainerSessions;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

/**
 * execStart and attach over a WebSocket: what the client sends goes to the process's stdin; the
 * process's output comes back as binary messages, one stream byte then the bytes. An empty binary
 * message from the client ends the process's stdin (end-of-file) while its output keeps coming.
 */
public class ContainerStreamHandler extends AbstractWebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(ContainerStreamHandler.class);

    /** Handshake attributes: the pod, the container, the exec (absent for attach) and the sessions that serve them. */
    public static final String POD = "podId";
    public static final String CONTAINER = "container";
    public static final String EXEC_ID = "execId";
    public static final String SESSIONS = "containerSessions";

    private final Map<String, ContainerSessions.Session> open = new ConcurrentHashMap<>();

    @Override
    public void afterConnectionEstablished(WebSocketSession raw) {
        WebSocketSession ws = new ConcurrentWebSocketSessionDecorator(raw, 10_000, 4 * 1024 * 1024);
        String podId = (String) raw.getAttributes().get(POD);
        String container = (String) raw.getAttributes().get(CONTAINER);
        String execId = (String) raw.getAttributes().get(EXEC_ID);
        ContainerSessions sessions = (ContainerSessions) raw.getAttributes().get(SESSIONS);
        ContainerSessions.Output output = new ContainerSessions.Output() {
            @Override
            public void write(int stream, byte[] data) {
                ByteBuffer message = ByteBuffer.allocate(data.length + 1).put((byte) stream).put(data);
                message.flip();
                try {
                    ws.sendMessage(new BinaryMessage(message));
                } catch (IOException e) {
                    log.debug("client of {} went away", podId);
                }
            }

            @Override
            public void ended() {
                closeQuietly(ws, CloseStatus.NORMAL);
            }

            @Override
            public void failed(String reason) {
                closeQuietly(ws, CloseStatus.SERVER_ERROR.withReason(truncated(reason)));
            }
        };
        try {
            ContainerSessions.Session session = execId == null ? sessions.attach(podId, container, output)
                    : sessions.execStart(podId, container, execId, output);
            open.put(raw.getId(), session);
            if (!raw.isOpen()) {
                // it ended before it was registered (a short exec, a refusal): afterConnectionClosed missed it
                ContainerSessions.Session missed = open.remove(raw.getId());
                if (missed != null) {
                    missed.close();
                }
            }
        } catch (RuntimeException e) {
            // the upgrade was checked, so this is the node failing now (gone, or Docker refusing)
            log.warn("cannot open a session to pod {} container {}: {}", podId, container, e.getMessage());
            closeQuietly(ws, CloseStatus.SERVER_ERROR.withReason(truncated(e.getMessage())));
        }
    }

    private static String truncated(String reason) {
        // a close frame's reason is at most 123 bytes
        String text = reason == null ? "session failed" : reason;
        return text.length() > 120 ? text.substring(0, 120) : text;
    }

    private static void closeQuietly(WebSocketSession ws, CloseStatus status) {
        try {
            ws.close(status);
        } catch (IOException e) {
            log.debug("closing a failed session", e);
        }
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        stdin(session, message.asBytes());
    }

    @Override
    protected void handleBinaryMessage(WebSocketSession session, BinaryMessage message) {
        ByteBuffer payload = message.getPayload();
        if (!payload.hasRemaining()) {
            // an empty binary message: the client's stdin has ended
            ContainerSessions.Session target = open.get(session.getId());
            if (target != null) {
                target.closeStdin();
            }
            return;
        }
        byte[] bytes = new byte[payload.remaining()];
        payload.get(bytes);
        stdin(session, bytes);
    }

    private void stdin(WebSocketSession session, byte[] bytes) {
        ContainerSessions.Session target = open.get(session.getId());
        if (target != null) {
            target.stdin(bytes);
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        ContainerSessions.Session closed = open.remove(session.getId());
        if (closed != null) {
            closed.close();
        }
    }
}
