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

    /**
     * {@code path} (with its query) signed as a browser's handshake must be: the host header only,
     * and the signature, its date and a nonce in the query ({@code x-jdcloud-authorization},
     * {@code x-jdcloud-date}, {@code x-jdcloud-nonce}).
     */
    static String signedInQuery(int port, String path, String accessKey, String secretKey) {
        URI uri = URI.create("http://127.0.0.1:" + port + path);
        Instant now = Instant.now();
        io.podservice.signer.JdcloudSigner.Signature signature = io.podservice.signer.JdcloudSigner.SigningKey
                .derive(io.podservice.signer.SigningAlgorithm.JDCLOUD2, secretKey, now, ServiceTest.REGION, "pod")
                .sign("GET", io.podservice.signer.CanonicalForms.path(uri.getRawPath()),
                        io.podservice.signer.CanonicalForms.query(SignableRequest.parseQuery(uri.getRawQuery())),
                        io.podservice.signer.JdcloudSigner.CanonicalHeaders.of(Map.of("host", "127.0.0.1:" + port)),
                        io.podservice.signer.JdcloudSigner.hex(io.podservice.signer.JdcloudSigner.sha256(new byte[0])));
        return path + (uri.getRawQuery() == null ? "?" : "&") + "x-jdcloud-authorization="
                + java.net.URLEncoder.encode(signature.authorization(accessKey), StandardCharsets.UTF_8)
                + "&x-jdcloud-date=" + io.podservice.signer.JdcloudSigner.DATE_TIME.format(now)
                + "&x-jdcloud-nonce=" + java.util.UUID.randomUUID();
    }

    /** A handshake that carries no headers of its own, its signature in the query (as a browser's). */
    static ApiWebSocket connectSignedInQuery(int port, String path, String accessKey, String secretKey)
            throws Exception {
        ApiWebSocket stream = new ApiWebSocket();
        stream.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + port + signedInQuery(port, path, accessKey, secretKey)), stream)
                .get(20, TimeUnit.SECONDS);
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
