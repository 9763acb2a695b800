package io.podservice.signer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The signer against a request worked out by hand from the published algorithm (and checked with
 * an independent HMAC implementation, Python's hmac/hashlib): the expected canonical request,
 * string to sign and signature are written out here, not produced by the code under test.
 */
class JdcloudSignerTest {

    private static final String SECRET = "TESTSECRETKEY0123456789";
    private static final Instant TIME = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void aFixedRequestSignsToTheWorkedOutValues() {
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("filters.1.name", List.of("phase"));
        query.put("a b", List.of("x/y", "1"));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", "127.0.0.1:8080");
        headers.put("X-Jdcloud-Date", "20261127T100000Z");
        headers.put("x-jdcloud-nonce", " 2d1c7f0e-6b2b-4c1e-9a43-0b9f9d2c1a11 ");
        headers.put("Content-Type", "application/json");
        SignableRequest request = new SignableRequest("POST", "/v1/regions/cn-north-1/pods", query, headers,
                "{\"podSpec\":{\"name\":\"web\"}}".getBytes(StandardCharsets.UTF_8));

        JdcloudSigner.Signature signature = JdcloudSigner.sign(SigningAlgorithm.JDCLOUD2, request, SECRET, TIME,
                "cn-north-1", "pod");

        assertThat(signature.canonicalRequest()).isEqualTo("""
                POST
                /v1/regions/cn-north-1/pods
                a%20b=1&a%20b=x%2Fy&filters.1.name=phase
                content-type:application/json
                host:127.0.0.1:8080
                x-jdcloud-date:20261127T100000Z
                x-jdcloud-nonce:2d1c7f0e-6b2b-4c1e-9a43-0b9f9d2c1a11

                content-type;host;x-jdcloud-date;x-jdcloud-nonce
                5e0d46e58ef95cb9d146baf104fff334b8ea9f30822ffbd32a46cccd99c78e65""");
        assertThat(signature.stringToSign()).isEqualTo("""
                JDCLOUD2-HMAC-SHA256
                20261127T100000Z
                20261127/cn-north-1/pod/jdcloud2_request
                3355702386ad2f8c2d679ff8de4f6d9880b440e44390d10ec3d74f9f757e9be0""");
        assertThat(signature.signature()).isEqualTo("ca5d4ec3a9d01bbe64c6be82a56e71ec9df98b7b4736c549bbd471509ccc30a2");
        assertThat(signature.authorization("AK1")).isEqualTo("JDCLOUD2-HMAC-SHA256 Credential=AK1/"
                + "20261127/cn-north-1/pod/jdcloud2_request, SignedHeaders=content-type;host;x-jdcloud-date;"
                + "x-jdcloud-nonce, Signature=ca5d4ec3a9d01bbe64c6be82a56e71ec9df98b7b4736c549bbd471509ccc30a2");
    }

    @Test
    void anEmptyBodyHashesToTheSha256OfNothing() {
        JdcloudSigner.Signature signature = JdcloudSigner.sign(SigningAlgorithm.JDCLOUD2,
                new SignableRequest("GET", "/v1/regions/cn-north-1/pods/pod-1", Map.of(), Map.of("host", "h"), null),
                SECRET, TIME, "cn-north-1", "pod");
        assertThat(signature.canonicalRequest())
                .endsWith("\n\nhost\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
                .contains("\n\n"); // an empty canonical query is an empty line
    }

    @Test
    void theAuthorizationHeaderParsesBack() {
        AuthorizationHeader parsed = AuthorizationHeader.parse("JDCLOUD2-HMAC-SHA256 Credential=AK1/20261127/cn-north-1/pod/"
                + "jdcloud2_request, SignedHeaders=host;x-jdcloud-date;x-jdcloud-nonce, Signature="
                + "ca5d4ec3a9d01bbe64c6be82a56e71ec9df98b7b4736c549bbd471509ccc30a2").orElseThrow();
        assertThat(parsed.accessKeyId()).isEqualTo("AK1");
        assertThat(parsed.region()).isEqualTo("cn-north-1");
        assertThat(parsed.service()).isEqualTo("pod");
        assertThat(parsed.signedHeaders()).containsExactly("host", "x-jdcloud-date", "x-jdcloud-nonce");
        assertThat(AuthorizationHeader.parse("JDCLOUD2-HMAC-SHA256 Credential=AK1")).isEmpty();
        assertThat(AuthorizationHeader.parse("Bearer abc")).isEmpty();
    }

    @Test
    void percentEncodingFollowsRfc3986() {
        assertThat(CanonicalForms.encode("a b*~/é", false)).isEqualTo("a%20b%2A~%2F%C3%A9");
        assertThat(CanonicalForms.encode("/v1/a b:c", true)).isEqualTo("/v1/a%20b%3Ac");
    }
}
