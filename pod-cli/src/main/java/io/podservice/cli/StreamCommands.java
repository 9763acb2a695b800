package io.podservice.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podservice.signer.RequestSigner;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** exec, attach and logs: the operations that stream. */
final class StreamCommands {

    private StreamCommands() {
    }

    @Command(name = "logs", description = "getContainerLogs: a container's log (--follow keeps printing new output)")
    static final class Logs extends PodCli.Operation {
        @Option(names = "--pod-id", required = true)
        String podId;
        @Option(names = "--container-name", required = true)
        String container;
        @Option(names = "--tail-lines")
        Integer tailLines;
        @Option(names = "--since-seconds")
        Integer sinceSeconds;
        @Option(names = "--limit-bytes")
        Integer limitBytes;
        @Option(names = "--follow", description = "Keep printing new output until interrupted")
        boolean follow;

        @Override
        ApiCall request() {
            return new ApiCall("GET", "/pods/" + podId + "/containers/" + container + ":getContainerLogs")
                    .param("tailLines", tailLines).param("sinceSeconds", sinceSeconds).param("limitBytes", limitBytes);
        }

        @Override
        public Integer call() throws Exception {
            Profile profile = cli.profile();
            HttpResponse<String> first = request().send(profile);
            if (failed(first)) {
                return 1;
            }
            String printed = content(first);
            spec.commandLine().getOut().print(printed);
            spec.commandLine().getOut().flush();
            // follow: read the whole log again every second and print what is new (Docker's log only grows)
            String seen = null;
            while (follow) {
                Thread.sleep(1000);
                HttpResponse<String> all = new ApiCall("GET", "/pods/" + podId + "/containers/" + container
                        + ":getContainerLogs").send(profile);
                if (failed(all)) {
                    return 1;
                }
                String content = content(all);
                if (seen == null) {
                    seen = content;
                    continue;
                }
                if (content.length() > seen.length() && content.startsWith(seen)) {
                    spec.commandLine().getOut().print(content.substring(seen.length()));
                    spec.commandLine().getOut().flush();
                }
                seen = content;
            }
            return 0;
        }

        private static String content(HttpResponse<String> response) throws IOException {
            return PodCli.JSON.readTree(response.body()).path("result").path("logs").path("content").asText();
        }
    }

    @Command(name = "exec", description = "execCreate + execStart: run a command in a container (interactive with a "
            + "terminal when stdin is one); exits with the command's exit code")
    static final class Exec implements Callable<Integer> {
        @ParentCommand
        PodCli cli;
        @Option(names = "--pod-id", required = true)
        String podId;
        @Option(names = "--container-name", required = true)
        String container;
        @Option(names = "--tty", description = "Allocate a TTY (default: when stdin is a terminal)")
        Boolean tty;
        @Option(names = {"-i", "--stdin"}, description = "Pass this process's stdin to the command (default: when stdin is a terminal)")
        Boolean stdin;
        @Parameters(arity = "1..*", paramLabel = "COMMAND", description = "The command and its arguments")
        List<String> command;

        @Override
        public Integer call() throws Exception {
            Profile profile = cli.profile();
            boolean useTty = tty != null ? tty : System.console() != null;
            ObjectNode body = PodCli.JSON.createObjectNode().put("tty", useTty);
            body.putArray("command").addAll(command.stream().map(PodCli.JSON.getNodeFactory()::textNode).toList());
            String base = "/pods/" + podId + "/containers/" + container;
            HttpResponse<String> created = new ApiCall("POST", base + ":execCreate").body(body.toString()).send(profile);
            JsonNode answer = PodCli.JSON.readTree(created.body());
            if (created.statusCode() >= 400) {
                System.err.println("Error: " + answer.path("error").path("status").asText() + " ("
                        + answer.path("error").path("code").asInt() + "): " + answer.path("error").path("message").asText());
                return 1;
            }
            String execId = answer.path("result").path("execId").asText();
            stream(profile, base + ":execStart?execId=" + execId, useTty,
                    stdin != null ? stdin : System.console() != null);
            for (int i = 0; i < 50; i++) {
                HttpResponse<String> code = new ApiCall("GET", base + ":execGetExitCode").param("execId", execId)
                        .send(profile);
                if (code.statusCode() == 200) {
                    return PodCli.JSON.readTree(code.body()).path("result").path("execCode").asInt();
                }
                Thread.sleep(100);
            }
            return 0;
        }
    }

    @Command(name = "attach", description = "attach: the container's main process's stdin and output")
    static final class Attach implements Callable<Integer> {
        @ParentCommand
        PodCli cli;
        @Option(names = "--pod-id", required = true)
        String podId;
        @Option(names = "--container-name", required = true)
        String container;
        @Option(names = {"-i", "--stdin"}, description = "Pass this process's stdin (default: when stdin is a terminal)")
        Boolean stdin;

        @Override
        public Integer call() throws Exception {
            boolean terminal = System.console() != null;
            stream(cli.profile(), "/pods/" + podId + "/containers/" + container + ":attach", terminal,
                    stdin != null ? stdin : terminal);
            return 0;
        }
    }

    /**
     * Connects the signed WebSocket, copies this process's stdin to it (when asked) and its frames to
     * stdout / stderr; with a terminal, puts it in raw mode for the session (and restores it).
     */
    static void stream(Profile profile, String path, boolean rawTerminal, boolean passStdin) throws Exception {
        String endpoint = profile.endpoint().replaceAll("/$", "");
        URI http = URI.create(endpoint + "/v1/regions/" + profile.region() + path);
        URI ws = URI.create(http.toString().replaceFirst("^http", "ws"));
        Map<String, String> headers = new RequestSigner(profile.accessKey(), profile.secretKey(), "pod")
                .headers("GET", http, io.podservice.signer.SignableRequest.parseQuery(http.getRawQuery()), new byte[0],
                        profile.region(), Instant.now());
        CompletableFuture<Void> ended = new CompletableFuture<>();
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
        headers.forEach(builder::header);
        WebSocket socket = builder.buildAsync(ws, new WebSocket.Listener() {
            private final StringBuilder message = new StringBuilder();

            /** JD Cloud's framing: {"streamType": "stdout"|"stderr", "output": text}, or {"type": "error", ...}. */
            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                message.append(data);
                if (last) {
                    try {
                        JsonNode frame = PodCli.JSON.readTree(message.toString());
                        if ("error".equals(frame.path("type").asText())) {
                            System.err.println("Error: " + frame.path("message").asText());
                        } else {
                            PrintStream out = "stderr".equals(frame.path("streamType").asText()) ? System.err : System.out;
                            out.print(frame.path("output").asText());
                            out.flush();
                        }
                    } catch (IOException e) {
                        System.err.println("Error: the server sent an unreadable frame");
                    }
                    message.setLength(0);
                }
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                ended.complete(null);
                return null;
            }

            @Override
            public void onError(WebSocket webSocket, Throwable error) {
                ended.completeExceptionally(error);
            }
        }).get(30, TimeUnit.SECONDS);
        boolean raw = rawTerminal && passStdin;
        if (raw) {
            terminal("raw", "-echo");
        }
        try {
            if (passStdin) {
                Thread input = new Thread(() -> copyStdin(socket), "stdin");
                input.setDaemon(true);
                input.start();
            }
            ended.join();
        } finally {
            if (raw) {
                terminal("sane");
            }
        }
    }

    private static void copyStdin(WebSocket socket) {
        byte[] buffer = new byte[4096];
        try (InputStream in = System.in) {
            int read;
            while ((read = in.read(buffer)) > 0) {
                socket.sendBinary(ByteBuffer.wrap(buffer, 0, read), true).join();
            }
            // end of input: an empty message tells the server to close the process's stdin
            socket.sendBinary(ByteBuffer.allocate(0), true).join();
        } catch (IOException | RuntimeException e) {
            // the session ended
        }
    }

    private static void terminal(String... settings) {
        try {
            List<String> command = new java.util.ArrayList<>(List.of("stty"));
            command.addAll(List.of(settings));
            new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/tty")))
                    .inheritIO().start().waitFor();
        } catch (IOException e) {
            // no terminal to set
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
