package io.podservice.signer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The verifier's half of the signature: does a request, as it arrived, carry a signature that
 * one of JD Cloud's clients computed with this secret? The path and query are tried in every
 * canonical form a client computes from what it sent ({@link CanonicalForms}); one signing key
 * serves every try, and every try is compared in constant time.
 */
public final class SignatureMatcher {

    private SignatureMatcher() {
    }

    /**
     * @param rawPath       the path as it arrived, not decoded
     * @param rawQuery      the query as it arrived, not decoded (null or empty for none)
     * @param signedHeaders the values of the headers the Authorization header names
     * @throws CanonicalForms.MalformedEncoding when the path or query cannot be decoded
     */
    public static boolean matches(AuthorizationHeader auth, String secretAccessKey, Instant signedAt, String method,
                                  String rawPath, String rawQuery, Map<String, String> signedHeaders, byte[] body) {
        Set<String> paths = new LinkedHashSet<>();
        paths.add(CanonicalForms.path(rawPath));
        paths.add(rawPath == null || rawPath.isEmpty() ? "/" : rawPath);
        Set<String> queries = CanonicalForms.queries(rawQuery);
        JdcloudSigner.SigningKey key = JdcloudSigner.SigningKey.derive(auth.algorithm(), secretAccessKey, signedAt,
                auth.region(), auth.service());
        JdcloudSigner.CanonicalHeaders headers = JdcloudSigner.CanonicalHeaders.of(signedHeaders);
        String payloadHash = JdcloudSigner.hex(JdcloudSigner.sha256(body == null ? new byte[0] : body));
        byte[] given = auth.signature().getBytes(StandardCharsets.US_ASCII);
        boolean match = false;
        for (String path : paths) {
            for (String query : queries) {
                byte[] expected = key.sign(method, path, query, headers, payloadHash).signature()
                        .getBytes(StandardCharsets.US_ASCII);
                match |= MessageDigest.isEqual(expected, given);
            }
        }
        return match;
    }
}
