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

/** A WebSocket session of the API (execStart, attach), signed like any request; output kept per stream. */
final class ApiWebSocket implements WebSocket.Listener {

    final StringBuffer[] streams = {new StringBuffer(), new StringBuffer(), new StringBuffer()};
    final AtomicBoolean closed = new AtomicBoolean();
    WebSocket socket;

    static ApiWebSocket connect(int port, String path) throws Exception {
        Map<String, String> profile = ServiceTest.credentials();
        URI uri = URI.create("ws://127.0.0.1:" + port + path);
        URI signedUri = URI.create("http://127.0.0.1:" + port + path);
        Map<String, String> headers = new RequestSigner(profile.get("access_key"), profile.get("secret_key"), "pod")
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

    String tty() {
        return streams[0].toString();
    }

    String stdout() {
        return streams[1].toString();
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        int stream = data.get();
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        streams[stream].append(new String(bytes, StandardCharsets.UTF_8));
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.set(true);
        return null;
    }
}
