package io.podservice.signer;

import static org.assertj.core.api.Assertions.assertThat;

import com.jdcloud.sdk.auth.CredentialsProvider;
import com.jdcloud.sdk.auth.StaticCredentialsProvider;
import com.jdcloud.sdk.client.Environment;
import com.jdcloud.sdk.client.JdcloudClient;
import com.jdcloud.sdk.client.JdcloudExecutor;
import com.jdcloud.sdk.http.HttpRequestConfig;
import com.jdcloud.sdk.http.Protocol;
import com.jdcloud.sdk.service.JdcloudRequest;
import com.jdcloud.sdk.service.JdcloudResponse;
import com.jdcloud.sdk.service.JdcloudResult;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Vectors computed by JD Cloud's own Java SDK core ({@code com.jdcloud.sdk:core}): its executor
 * builds, signs and sends real requests to a loopback server, which keeps them exactly as they
 * arrived (raw path, raw query, headers, body); {@link SignatureMatcher} must accept each with the
 * secret, and refuse it once anything signed is changed. Nothing is pasted: the SDK computes the
 * signature in the test.
 */
class JdcloudJavaSdkSignatureTest {

    private static final String ACCESS_KEY = "JDC_JAVA_SDK_TEST";
    private static final String SECRET = "java-sdk-secret-" + System.nanoTime();
    /** Every character class the canonical query handles differently somewhere: space, ':', '/', '%', '+', '*', non-ASCII. */
    private static final String AWKWARD = "a b:c/d%e+f*g~h=i&j 中文 ü";

    private static HttpServer server;
    private static final LinkedBlockingQueue<Captured> CAPTURED = new LinkedBlockingQueue<>();

    record Captured(String method, String rawPath, String rawQuery, Map<String, String> headers, byte[] body) {
    }

    @BeforeAll
    static void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT),
                    String.join(",", values)));
            CAPTURED.add(new Captured(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), headers, exchange.getRequestBody().readAllBytes()));
            byte[] answer = "{\"requestId\":\"r\",\"result\":{}}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("x-jdcloud-request-id", "r");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
    }

    @Test
    void aGetWithAwkwardFilterValuesIsAccepted() throws InterruptedException {
        DescribePodsRequest request = new DescribePodsRequest();
        request.setRegionId("cn-north-1");
        request.pageNumber = 2;
        request.filters = List.of(new Filter("name", List.of(AWKWARD, "plain")), new Filter("podId", List.of("pod-1")));
        Captured sent = send(new DescribePodsExecutor(), request);

        assertThat(sent.rawQuery()).contains("filters.1.values.1=");
        assertAccepted(sent);
        assertRefusedWhenTampered(sent);
    }

    @Test
    void aPostToAPathWithAColonIsAccepted() throws InterruptedException {
        PodActionRequest request = new PodActionRequest();
        request.setRegionId("cn-north-1");
        request.podId = "pod-abc123";
        Captured sent = send(new StopPodExecutor(), request);

        assertThat(sent.rawPath()).isEqualTo("/v1/regions/cn-north-1/pods/pod-abc123:stopPod");
        assertAccepted(sent);
        assertThat(CanonicalForms.path(sent.rawPath())).isEqualTo("/v1/regions/cn-north-1/pods/pod-abc123%3AstopPod");
        assertRefusedWhenTampered(sent);
    }

    @Test
    void aDeleteWithABooleanQueryIsAccepted() throws InterruptedException {
        DeletePodRequest request = new DeletePodRequest();
        request.setRegionId("cn-north-1");
        request.podId = "pod-abc123";
        request.deletePrimaryNetworkInterfaceAllElasticIp = false;
        Captured sent = send(new DeletePodExecutor(), request);

        assertThat(sent.rawQuery()).isEqualTo("deletePrimaryNetworkInterfaceAllElasticIp=false");
        assertAccepted(sent);
    }

    private static void assertAccepted(Captured sent) {
        assertThat(matches(sent, sent.rawPath(), sent.rawQuery(), sent.body()))
                .as("the Java SDK's signature of %s %s?%s", sent.method(), sent.rawPath(), sent.rawQuery())
                .isTrue();
    }

    /** Any change to what was signed (path, query, body) breaks the signature. */
    private static void assertRefusedWhenTampered(Captured sent) {
        assertThat(matches(sent, sent.rawPath() + "x", sent.rawQuery(), sent.body())).isFalse();
        String query = sent.rawQuery() == null ? "" : sent.rawQuery();
        assertThat(matches(sent, sent.rawPath(), query.isEmpty() ? "a=b" : query + "&pageSize=100", sent.body())).isFalse();
        assertThat(matches(sent, sent.rawPath(), sent.rawQuery(), "{}".getBytes(StandardCharsets.UTF_8))).isFalse();
    }

    private static boolean matches(Captured sent, String rawPath, String rawQuery, byte[] body) {
        AuthorizationHeader auth = AuthorizationHeader.parse(sent.headers().get("authorization")).orElseThrow();
        assertThat(auth.algorithm()).isEqualTo(SigningAlgorithm.JDCLOUD2);
        Instant signedAt = Instant.from(JdcloudSigner.DATE_TIME.parse(sent.headers().get(JdcloudSigner.DATE_HEADER)));
        Map<String, String> signed = new LinkedHashMap<>();
        auth.signedHeaders().forEach(name -> signed.put(name, sent.headers().get(name)));
        return SignatureMatcher.matches(auth, SECRET, signedAt, sent.method(), rawPath, rawQuery, signed, body);
    }

    private static Captured send(JdcloudExecutor executor, JdcloudRequest request) throws InterruptedException {
        CAPTURED.clear();
        executor.client(new TestClient(server.getAddress().getPort())).execute(request);
        Captured sent = CAPTURED.poll(10, TimeUnit.SECONDS);
        assertThat(sent).as("the SDK's request reached the loopback server").isNotNull();
        return sent;
    }

    /** A JD Cloud client of the pod service, as the SDK's generated clients are made. */
    static final class TestClient extends JdcloudClient {
        private final int port;

        TestClient(int port) {
            this.port = port;
        }

        @Override
        public CredentialsProvider getCredentialsProvider() {
            return new StaticCredentialsProvider(ACCESS_KEY, SECRET);
        }

        @Override
        public HttpRequestConfig getHttpRequestConfig() {
            return new HttpRequestConfig.Builder().protocol(Protocol.HTTP).build();
        }

        @Override
        public Environment getEnvironment() {
            return new Environment.Builder().endpoint("127.0.0.1:" + port).build();
        }

        @Override
        public String getUserAgent() {
            return "JdcloudSdkJava/test pod/v1";
        }

        @Override
        public String getServiceName() {
            return "pod";
        }

        @Override
        public String getVersion() {
            return "v1";
        }
    }

    public static final class Filter {
        String name;
        List<String> values;

        Filter(String name, List<String> values) {
            this.name = name;
            this.values = values;
        }
    }

    public static final class DescribePodsRequest extends JdcloudRequest {
        Integer pageNumber;
        List<Filter> filters;
    }

    public static final class PodActionRequest extends JdcloudRequest {
        String podId;
    }

    public static final class DeletePodRequest extends JdcloudRequest {
        String podId;
        Boolean deletePrimaryNetworkInterfaceAllElasticIp;
    }

    public static final class EmptyResult extends JdcloudResult {
    }

    public static final class EmptyResponse extends JdcloudResponse<EmptyResult> {
    }

    static final class DescribePodsExecutor extends JdcloudExecutor {
        @Override
        public String method() {
            return "GET";
        }

        @Override
        public String url() {
            return "/regions/{regionId}/pods";
        }

        @Override
        public Class<? extends JdcloudResponse> returnType() {
            return EmptyResponse.class;
        }
    }

    static final class StopPodExecutor extends JdcloudExecutor {
        @Override
        public String method() {
            return "POST";
        }

        @Override
        public String url() {
            return "/regions/{regionId}/pods/{podId}:stopPod";
        }

        @Override
        public Class<? extends JdcloudResponse> returnType() {
            return EmptyResponse.class;
        }
    }

    static final class DeletePodExecutor extends JdcloudExecutor {
        @Override
        public String method() {
            return "DELETE";
        }

        @Override
        public String url() {
            return "/regions/{regionId}/pods/{podId}";
        }

        @Override
        public Class<? extends JdcloudResponse> returnType() {
            return EmptyResponse.class;
        }
    }
}
