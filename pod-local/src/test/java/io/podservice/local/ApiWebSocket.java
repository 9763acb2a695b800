package io.podservice.local;

import io.podservice.signer.RequestSigner;
import io.podservice.signer.SignableRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A WebSocket session of the API (execStart, attach), signed like any request; output kept per
 * stream as JD Cloud's framing delivers it ({"streamType": "stdout"|"stderr", "output": ...}; a
 * TTY's output is stdout).
 */
final class ApiWebSocket implements WebSocket.Listener {

    final StringBuffer[] streams = {new StringBuffer(), new StringBuffer(), new StringBuffer()};
    final StringBuffer errors = new StringBuffer();
    private final StringBuilder message = new StringBuilder();
    final AtomicBoolean closed = new AtomicBoolean();
    WebSocket socket;

    static ApiWebSocket connect(int port, String path) throws Exception {
        Map<String, String> profile = ServiceTest.credentials();
        return connect(port, path, profile.get("access_key"), profile.get("secret_key"));
    }

    /** As the account whose keys {@code client} signs with. */
    static ApiWebSocket connect(int port, String path, ApiClient client) throws Exception {
        return connect(port, path, client.accessKey(), client.secretKey());
    }

    static ApiWebSocket connect(int port, String path, String accessKey, String secretKey) throws Exception {
        URI uri = URI.create("ws://127.0.0.1:" + port + path);
        URI signedUri = URI.create("http://127.0.0.1:" + port + path);
        Map<String, String> headers = new RequestSigner(accessKey, secretKey, "pod")
                .headers("GET", signedUri, SignableRequest.parseQuery(signedUri.getRawQuery()), new byte[0],
                        ServiceTest.REGION, Instant.now());
        ApiWebSocket stream = new ApiWebSocket();
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
        headers.forEach(builder::header);
        stream.socket = builder.buildAsync(uri, stream).get(20, TimeUnit.SECONDS);
        return stream;
    }

    void send(String text) {
        socket.sendText(text, true).join();
    }

    void sendBinary(byte... bytes) {
        socket.sendBinary(java.nio.ByteBuffer.wrap(bytes), true).join();
    }

    String stdout() {
        return streams[1].toString();
    }

    String stderr() {
        return streams[2].toString();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        message.append(data);
        if (last) {
            try {
                com.fasterxml.jackson.databind.JsonNode frame = ServiceTest.JSON.readTree(message.toString());
                if ("error".equals(frame.path("type").asText())) {
                    errors.append(frame.path("message").asText());
                } else {
                    streams["stderr".equals(frame.path("streamType").asText()) ? 2 : 1].append(frame.path("output").asText());
                }
            } catch (java.io.IOException e) {
                errors.append("unreadable frame: ").append(message);
            }
            message.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.set(true);
        return null;
    }
}
