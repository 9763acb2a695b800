package io.podservice.api.node;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

/**
 * execStart and attach over a WebSocket, in one of two framings ({@link Framing}): JD Cloud's, which
 * its {@code jdc} CLI speaks on the public API, and the node's own, binary-exact, between query-api
 * and a worker.
 */
public class ContainerStreamHandler extends AbstractWebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(ContainerStreamHandler.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Ctrl-D: the byte JD Cloud's CLI sends when its input ends. */
    private static final byte END_OF_TRANSMISSION = 0x04;
    /** The node framing's one control message: the client's Ctrl-D, decided on the node (it knows the TTY). */
    public static final String NODE_END_OF_TRANSMISSION = "eot";

    /** Handshake attributes: the pod, the container, the exec (absent for attach) and the sessions that serve them. */
    public static final String POD = "podId";
    public static final String CONTAINER = "container";
    public static final String EXEC_ID = "execId";
    public static final String SESSIONS = "containerSessions";

    /**
     * How a session's bytes travel.
     * <ul>
     *   <li>{@link #JDCLOUD}: output as text messages {@code {"streamType": "stdout"|"stderr", "output": text}}
     *       (a TTY's single stream is stdout; text cut only at whole UTF-8 characters), a failure as
     *       {@code {"type": "error", "message": ...}} before the close; input as binary or text messages of raw
     *       bytes, where a message of the single byte 0x04 is Ctrl-D (end of input without a TTY) and an empty
     *       message ends input.</li>
     *   <li>{@link #NODE}: output as binary messages, one stream byte (0 TTY, 1 stdout, 2 stderr) then the bytes;
     *       input as binary messages of raw bytes, an empty one ending input; the text message
     *       {@value #NODE_END_OF_TRANSMISSION} relays a client's Ctrl-D.</li>
     * </ul>
     */
    public enum Framing { JDCLOUD, NODE }

    private final Framing framing;
    private final Map<String, ContainerSessions.Session> open = new ConcurrentHashMap<>();

    public ContainerStreamHandler(Framing framing) {
        this.framing = framing;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession raw) {
        WebSocketSession ws = new ConcurrentWebSocketSessionDecorator(raw, 10_000, 4 * 1024 * 1024);
        String podId = (String) raw.getAttributes().get(POD);
        String container = (String) raw.getAttributes().get(CONTAINER);
        String execId = (String) raw.getAttributes().get(EXEC_ID);
        ContainerSessions sessions = (ContainerSessions) raw.getAttributes().get(SESSIONS);
        ContainerSessions.Output output = framing == Framing.NODE ? new NodeOutput(ws, podId) : new JdcloudOutput(ws, podId);
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
            output.failed(e.getMessage());
        }
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        if (framing == Framing.NODE) {
            if (NODE_END_OF_TRANSMISSION.equals(message.getPayload())) {
                withSession(session, ContainerSessions.Session::endOfTransmission);
            }
            return;
        }
        input(session, message.asBytes());
    }

    @Override
    protected void handleBinaryMessage(WebSocketSession session, BinaryMessage message) {
        ByteBuffer payload = message.getPayload();
        byte[] bytes = new byte[payload.remaining()];
        payload.get(bytes);
        input(session, bytes);
    }

    private void input(WebSocketSession session, byte[] bytes) {
        if (bytes.length == 0) {
            withSession(session, ContainerSessions.Session::closeStdin);
        } else if (framing == Framing.JDCLOUD && bytes.length == 1 && bytes[0] == END_OF_TRANSMISSION) {
            withSession(session, ContainerSessions.Session::endOfTransmission);
        } else {
            withSession(session, target -> target.stdin(bytes));
        }
    }

    private void withSession(WebSocketSession session, java.util.function.Consumer<ContainerSessions.Session> action) {
        ContainerSessions.Session target = open.get(session.getId());
        if (target != null) {
            try {
                action.accept(target);
            } catch (RuntimeException e) {
                log.debug("input to a session that is ending: {}", e.getMessage());
            }
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        ContainerSessions.Session closed = open.remove(session.getId());
        if (closed != null) {
            closed.close();
        }
    }

    private static String truncated(String reason) {
        // a close frame's reason is at most 123 bytes
        String text = reason == null ? "session failed" : reason;
        return text.length() > 120 ? text.substring(0, 120) : text;
    }

    private static void send(WebSocketSession ws, WebSocketMessage<?> message, String podId) {
        try {
            ws.sendMessage(message);
        } catch (IOException | IllegalStateException e) {
            log.debug("client of {} went away", podId);
        }
    }

    private static void close(WebSocketSession ws, CloseStatus status) {
        try {
            ws.close(status);
        } catch (IOException e) {
            log.debug("closing a session", e);
        }
    }

    private record NodeOutput(WebSocketSession ws, String podId) implements ContainerSessions.Output {
        @Override
        public void write(int stream, byte[] data) {
            ByteBuffer message = ByteBuffer.allocate(data.length + 1).put((byte) stream).put(data);
            message.flip();
            send(ws, new BinaryMessage(message), podId);
        }

        @Override
        public void ended() {
            close(ws, CloseStatus.NORMAL);
        }

        @Override
        public void failed(String reason) {
            close(ws, CloseStatus.SERVER_ERROR.withReason(truncated(reason)));
        }
    }

    /** JD Cloud's framing of output: JSON text messages, each of whole UTF-8 characters of one stream. */
    private static final class JdcloudOutput implements ContainerSessions.Output {
        private final WebSocketSession ws;
        private final String podId;
        private final CharsetDecoder[] decoders = new CharsetDecoder[3];
        private final ByteBuffer[] pending = new ByteBuffer[3];

        JdcloudOutput(WebSocketSession ws, String podId) {
            this.ws = ws;
            this.podId = podId;
        }

        @Override
        public synchronized void write(int stream, byte[] data) {
            int s = stream < 0 || stream > 2 ? 1 : stream;
            if (decoders[s] == null) {
                decoders[s] = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE);
                pending[s] = ByteBuffer.allocate(0);
            }
            ByteBuffer in = ByteBuffer.allocate(pending[s].remaining() + data.length).put(pending[s]).put(data);
            in.flip();
            CharBuffer out = CharBuffer.allocate(in.remaining() + 1);
            decoders[s].decode(in, out, false); // an incomplete character at the end stays in 'in' for the next write
            pending[s] = ByteBuffer.allocate(in.remaining()).put(in);
            pending[s].flip();
            out.flip();
            if (out.hasRemaining()) {
                ObjectNode message = JSON.createObjectNode().put("streamType", s == 2 ? "stderr" : "stdout")
                        .put("output", out.toString());
                send(ws, new TextMessage(message.toString()), podId);
            }
        }

        @Override
        public void ended() {
            close(ws, CloseStatus.NORMAL);
        }

        @Override
        public void failed(String reason) {
            send(ws, new TextMessage(JSON.createObjectNode().put("type", "error")
                    .put("message", reason == null ? "session failed" : reason).toString()), podId);
            close(ws, CloseStatus.SERVER_ERROR.withReason(truncated(reason)));
        }
    }
}
