package io.podservice.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** exec, attach, resizeTTY and logs through the signed API, with a real WebSocket client. */
class InteractiveTest extends ServiceTest {

    private static final String PODS = "/v1/regions/" + REGION + "/pods";

    @Test
    void execSendsStdinReceivesStdoutAndReportsTheExitCode() throws Exception {
        String podId = runningPod("execs", "\"command\": [\"sleep\", \"3600\"]");
        String execId = execCreate(podId, "[\"sh\", \"-c\", \"read x; echo got:$x; exit 3\"]", false);
        ApiWebSocket stream = connect(PODS + "/" + podId + "/containers/app:execStart?execId=" + execId);
        stream.send("hello\n");
        await().atMost(Duration.ofSeconds(20)).until(() -> stream.stdout().contains("got:hello"));
        await().atMost(Duration.ofSeconds(20)).until(stream.closed::get);
        await().atMost(Duration.ofSeconds(20)).until(() -> api().get(PODS + "/" + podId
                + "/containers/app:execGetExitCode?execId=" + execId).status() == 200);
        assertThat(api().get(PODS + "/" + podId + "/containers/app:execGetExitCode?execId=" + execId).body()
                .path("result").path("execCode").asInt()).isEqualTo(3);
    }

    /** A browser cannot set headers on a WebSocket handshake: the console signs execStart in the query. */
    @Test
    void aHandshakeMayCarryItsSignatureInTheQueryAndNothingElseMay() throws Exception {
        String podId = runningPod("query-signed", "\"command\": [\"sleep\", \"3600\"]");
        java.util.Map<String, String> keys = credentials();
        String execId = execCreate(podId, "[\"sh\", \"-c\", \"echo signed-in-the-query\"]", false);
        ApiWebSocket stream = ApiWebSocket.connectSignedInQuery(port, PODS + "/" + podId
                + "/containers/app:execStart?execId=" + execId, keys.get("access_key"), keys.get("secret_key"));
        await().atMost(Duration.ofSeconds(20)).until(() -> stream.stdout().contains("signed-in-the-query"));

        // the wrong secret: the handshake is refused
        String other = execCreate(podId, "[\"true\"]", false);
        Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() -> ApiWebSocket.connectSignedInQuery(port,
                PODS + "/" + podId + "/containers/app:execStart?execId=" + other, keys.get("access_key"), "not-the-secret"));
        assertThat(refused).hasCauseInstanceOf(java.net.http.WebSocketHandshakeException.class);
        assertThat(((java.net.http.WebSocketHandshakeException) refused.getCause()).getResponse().statusCode())
                .isEqualTo(401);
        // a request that is not a handshake cannot sign in its query: the Authorization header stays required
        java.net.http.HttpResponse<String> plain = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port
                        + ApiWebSocket.signedInQuery(port, PODS + "?pageSize=10", keys.get("access_key"),
                        keys.get("secret_key")))).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(plain.statusCode()).isEqualTo(401);
        assertThat(plain.body()).contains("Missing Authorization header");
    }

    @Test
    void aTtyExecSeesItsNewSize() throws Exception {
        String podId = runningPod("ttys", "\"command\": [\"sleep\", \"3600\"]");
        String execId = execCreate(podId, "[\"sh\"]", true);
        ApiWebSocket stream = connect(PODS + "/" + podId + "/containers/app:execStart?execId=" + execId);
        stream.send("echo ready\n");
        await().atMost(Duration.ofSeconds(20)).until(() -> stream.stdout().contains("ready"));
        ApiClient.Response resized = api().post(PODS + "/" + podId + "/containers/app:resizeTTY",
                "{\"height\": 33, \"width\": 101, \"execId\": \"" + execId + "\"}");
        assertThat(resized.status()).as(resized.raw()).isEqualTo(200);
        stream.send("stty size\n");
        await().atMost(Duration.ofSeconds(20)).until(() -> stream.stdout().contains("33 101"));
        stream.send("exit\n");
        await().atMost(Duration.ofSeconds(20)).until(stream.closed::get);
        ApiClient.Response afterTheEnd = api().post(PODS + "/" + podId + "/containers/app:resizeTTY",
                "{\"height\": 40, \"width\": 120, \"execId\": \"" + execId + "\"}");
        assertThat(afterTheEnd.status()).as("jdc resizes once more after the session: " + afterTheEnd.raw())
                .isEqualTo(200);
    }

    /** JD Cloud's framing as jdc speaks it: input ends with a lone Ctrl-D; a path may carry ':' as %3A (the Go SDK). */
    @Test
    void ctrlDEndsTheInputOfAnExecWithoutATty() throws Exception {
        String podId = runningPod("ctrld", "\"command\": [\"sleep\", \"3600\"]");
        String execId = execCreate(podId, "[\"cat\"]", false);
        ApiWebSocket stream = connect(PODS + "/" + podId + "/containers/app%3AexecStart?execId=" + execId);
        stream.sendBinary("echo-me\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        stream.sendBinary((byte) 0x04);
        await().atMost(Duration.ofSeconds(20)).until(() -> stream.closed.get());
        assertThat(stream.stdout()).isEqualTo("echo-me\n");
        await().atMost(Duration.ofSeconds(10)).until(() -> api().get(PODS + "/" + podId
                + "/containers/app:execGetExitCode?execId=" + execId).status() == 200);
        assertThat(api().get(PODS + "/" + podId + "/containers/app:execGetExitCode?execId=" + execId).body()
                .path("result").path("execCode").asInt()).as("cat read end-of-file and ended").isZero();
    }

    /** JD Cloud's SDKs call execStart and attach as plain GETs: they get the API's envelope, not Spring's text. */
    @Test
    void aPlainGetOfAStreamIsAnsweredInTheEnvelope() {
        String podId = runningPod("plainget", "\"command\": [\"sleep\", \"3600\"]");
        ApiClient.Response attach = api().get(PODS + "/" + podId + "/containers/app:attach");
        assertThat(attach.status()).isEqualTo(400);
        assertThat(attach.errorStatus()).isEqualTo("INVALID_ARGUMENT");
        assertThat(attach.body().path("error").path("message").asText()).contains("WebSocket");
    }

    @Test
    void attachEchoesThroughCat() throws Exception {
        String podId = runningPod("attached", "\"command\": [\"cat\"], \"tty\": true");
        ApiWebSocket stream = connect(PODS + "/" + podId + "/containers/app:attach");
        stream.send("ping-42\n");
        await().atMost(Duration.ofSeconds(20)).until(() -> stream.stdout().contains("ping-42"));
        stream.socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }

    @Test
    void logsHonourTailLinesSinceSecondsAndLimitBytes() {
        String podId = runningPod("logger",
                "\"command\": [\"sh\", \"-c\", \"i=1; while [ $i -le 50 ]; do echo line $i; i=$((i+1)); done; exec sleep 3600\"]");
        String logs = PODS + "/" + podId + "/containers/app:getContainerLogs";
        await().atMost(Duration.ofSeconds(20)).until(() -> content(logs + "?tailLines=1").equals("line 50\n"));
        assertThat(content(logs + "?tailLines=5")).isEqualTo("line 46\nline 47\nline 48\nline 49\nline 50\n");
        assertThat(content(logs + "?limitBytes=14")).isEqualTo("line 1\nline 2\n");
        assertThat(content(logs + "?sinceSeconds=3600").split("\n")).hasSize(50);
        assertThat(content(logs + "?startTime=" + Instant.now().plusSeconds(60))).isEmpty();
        assertThat(api().get(logs + "?tailLines=-1").errorStatus()).isEqualTo("INVALID_ARGUMENT");
    }

    @Test
    void errorsNameWhatIsMissingOrWrong() {
        String podId = runningPod("errs", "\"command\": [\"sleep\", \"3600\"]");
        ApiClient.Response unknownContainer = api().post(PODS + "/" + podId + "/containers/nope:execCreate",
                "{\"command\": [\"true\"]}");
        assertThat(unknownContainer.errorStatus()).isEqualTo("NOT_FOUND");
        ApiClient.Response unknownExec = api().get(PODS + "/" + podId + "/containers/app:execGetExitCode?execId=deadbeef");
        assertThat(unknownExec.errorStatus()).isEqualTo("NOT_FOUND");
        assertThat(otherApi().post(PODS + "/" + podId + "/containers/app:execCreate", "{\"command\": [\"true\"]}")
                .errorStatus()).as("another account's pod").isEqualTo("NOT_FOUND");
        api().post(PODS + "/" + podId + ":stopPod", null);
        awaitPhase(podId, "stopped");
        ApiClient.Response stopped = api().post(PODS + "/" + podId + "/containers/app:execCreate", "{\"command\": [\"true\"]}");
        assertThat(stopped.errorStatus()).isEqualTo("FAILED_PRECONDITION");
        assertThat(stopped.body().path("error").path("message").asText()).contains("stopped");
    }

    @Test
    void theCliExecsAndReadsLogs() {
        String podId = runningPod("clied",
                "\"command\": [\"sh\", \"-c\", \"echo from-the-pod; exec sleep 3600\"]");
        String[] common = {"--config", credentialsFile().toString(), "--endpoint", endpoint()};
        java.io.StringWriter out = new java.io.StringWriter();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            out.getBuffer().setLength(0);
            io.podservice.cli.PodCli.run(concat(common, "logs", "--pod-id", podId, "--container-name", "app"),
                    new java.io.PrintWriter(out, true), new java.io.PrintWriter(new java.io.StringWriter(), true));
            return out.toString().contains("from-the-pod");
        });
        int exit = io.podservice.cli.PodCli.run(concat(common, "exec", "--pod-id", podId, "--container-name", "app",
                "--tty=false", "--", "sh", "-c", "exit 4"), new java.io.PrintWriter(new java.io.StringWriter(), true),
                new java.io.PrintWriter(new java.io.StringWriter(), true));
        assertThat(exit).as("the command's exit code").isEqualTo(4);
    }

    private static String[] concat(String[] first, String... rest) {
        String[] all = java.util.Arrays.copyOf(first, first.length + rest.length);
        System.arraycopy(rest, 0, all, first.length, rest.length);
        return all;
    }

    private String runningPod(String name, String containerFields) {
        String podId = createPod("""
                {"name": "%s", "instanceType": "g.n2.medium", "terminationGracePeriodSeconds": 1,
                 "containers": [{"name": "app", "image": "%s", %s}]}""".formatted(name, IMAGE, containerFields));
        awaitPhase(podId, "running");
        return podId;
    }

    private String execCreate(String podId, String command, boolean tty) {
        ApiClient.Response created = api().post(PODS + "/" + podId + "/containers/app:execCreate",
                "{\"command\": " + command + ", \"tty\": " + tty + "}");
        assertThat(created.status()).as(created.raw()).isEqualTo(200);
        return created.body().path("result").path("execId").asText();
    }

    private String content(String path) {
        ApiClient.Response response = api().get(path);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.body().path("result").path("logs").path("content").asText();
    }

    private ApiWebSocket connect(String path) throws Exception {
        return ApiWebSocket.connect(port, path);
    }
}
