package io.podservice.worker.runtime.docker;

import io.podservice.api.node.ContainerSessions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An exec session on Docker's own hijacked connection ({@code POST /exec/{id}/start} upgraded to a
 * raw stream), held as a socket channel so the end of the client's input can be a half-close:
 * Docker then closes the process's stdin and a process reading it to the end ({@code cat},
 * {@code sh} fed a script) ends. docker-java's transport cannot half-close its hijacked stream,
 * which is why this one exists; everything else goes through docker-java.
 */
final class DockerExecStream {

    private static final Logger log = LoggerFactory.getLogger(DockerExecStream.class);

    private final SocketChannel channel;

    private DockerExecStream(SocketChannel channel) {
        this.channel = channel;
    }

    /** Whether this Docker host can be reached this way (a Unix socket, or plain TCP). */
    static boolean supports(URI dockerHost, boolean tls) {
        String scheme = dockerHost.getScheme() == null ? "" : dockerHost.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("unix") || scheme.equals("tcp") && !tls;
    }

    /** Starts the exec and relays its output (demultiplexed unless it has a TTY) until it ends. */
    static ContainerSessions.Session start(URI dockerHost, String execId, boolean tty, ContainerSessions.Output output) {
        SocketChannel channel = connect(dockerHost);
        try {
            byte[] body = ("{\"Detach\":false,\"Tty\":" + tty + "}").getBytes(StandardCharsets.UTF_8);
            String request = "POST /exec/" + execId + "/start HTTP/1.1\r\nHost: docker\r\n"
                    + "Content-Type: application/json\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n";
            write(channel, request.getBytes(StandardCharsets.US_ASCII));
            write(channel, body);
            ByteBuffer rest = readHead(channel, execId);
            DockerExecStream stream = new DockerExecStream(channel);
            Thread reader = new Thread(() -> stream.relay(rest, tty, output), "exec-" + execId.substring(0, 12));
            reader.setDaemon(true);
            reader.start();
            return stream.session(tty);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            throw e instanceof RuntimeException r ? r : new UncheckedIOException("cannot start exec " + execId, (IOException) e);
        }
    }

    private static SocketChannel connect(URI dockerHost) {
        try {
            if ("unix".equalsIgnoreCase(dockerHost.getScheme())) {
                SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
                channel.connect(UnixDomainSocketAddress.of(dockerHost.getPath()));
                return channel;
            }
            return SocketChannel.open(new InetSocketAddress(dockerHost.getHost(), dockerHost.getPort()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach the Docker daemon at " + dockerHost, e);
        }
    }

    /** Reads the HTTP answer's head; returns the stream bytes that came with it. */
    private static ByteBuffer readHead(SocketChannel channel, String execId) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        ByteBuffer buffer = ByteBuffer.allocate(8192);
        while (true) {
            if (channel.read(buffer) < 0) {
                throw new IOException("the Docker daemon closed the exec " + execId + " before answering");
            }
            buffer.flip();
            while (buffer.hasRemaining()) {
                head.write(buffer.get());
                byte[] bytes = head.toByteArray();
                int n = bytes.length;
                if (n >= 4 && bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r' && bytes[n - 1] == '\n') {
                    String status = new String(bytes, StandardCharsets.US_ASCII).lines().findFirst().orElse("");
                    if (!status.contains(" 101 ") && !status.contains(" 200 ")) {
                        throw new ContainerSessions.NoSuchSession("Docker refused exec " + execId + ": " + status);
                    }
                    ByteBuffer rest = ByteBuffer.allocate(buffer.remaining()).put(buffer);
                    rest.flip();
                    return rest;
                }
                if (n > 16 * 1024) {
                    throw new IOException("the Docker daemon's answer to exec " + execId + " has no end of head");
                }
            }
            buffer.clear();
        }
    }

    private void relay(ByteBuffer first, boolean tty, ContainerSessions.Output output) {
        Demultiplexer frames = new Demultiplexer(tty, output);
        try {
            frames.accept(first);
            ByteBuffer buffer = ByteBuffer.allocate(32 * 1024);
            while (channel.read(buffer) >= 0) {
                buffer.flip();
                frames.accept(buffer);
                buffer.clear();
            }
        } catch (IOException e) {
            log.debug("exec stream ended: {}", e.toString());
        } finally {
            closeQuietly(channel);
            output.ended();
        }
    }

    private ContainerSessions.Session session(boolean tty) {
        return new ContainerSessions.Session() {
            @Override
            public void stdin(byte[] data) {
                try {
                    write(channel, data);
                } catch (IOException e) {
                    throw new UncheckedIOException("the session's stdin is closed", e);
                }
            }

            @Override
            public void closeStdin() {
                try {
                    channel.shutdownOutput();
                } catch (IOException e) {
                    // closed already
                }
            }

            @Override
            public void endOfTransmission() {
                if (tty) {
                    stdin(new byte[] {0x04});
                } else {
                    closeStdin();
                }
            }

            @Override
            public void close() {
                closeQuietly(channel);
            }
        };
    }

    private static void write(SocketChannel channel, byte[] data) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(data);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    /**
     * Docker's stream format without a TTY: frames of an 8-byte header (stream type, three zero
     * bytes, big-endian length) and the payload; with a TTY, the raw bytes.
     */
    private static final class Demultiplexer {
        private final boolean tty;
        private final ContainerSessions.Output output;
        private final ByteBuffer header = ByteBuffer.allocate(8);
        private ByteBuffer payload;
        private int stream;

        Demultiplexer(boolean tty, ContainerSessions.Output output) {
            this.tty = tty;
            this.output = output;
        }

        void accept(ByteBuffer data) {
            if (tty) {
                if (data.hasRemaining()) {
                    byte[] bytes = new byte[data.remaining()];
                    data.get(bytes);
                    output.write(0, bytes);
                }
                return;
            }
            while (data.hasRemaining()) {
                if (payload == null) {
                    while (header.hasRemaining() && data.hasRemaining()) {
                        header.put(data.get());
                    }
                    if (header.hasRemaining()) {
                        return;
                    }
                    header.flip();
                    stream = header.get(0);
                    payload = ByteBuffer.allocate(header.getInt(4));
                    header.clear();
                }
                while (payload.hasRemaining() && data.hasRemaining()) {
                    payload.put(data.get());
                }
                if (!payload.hasRemaining()) {
                    output.write(stream == 2 ? 2 : 1, payload.array());
                    payload = null;
                }
            }
        }
    }
}
