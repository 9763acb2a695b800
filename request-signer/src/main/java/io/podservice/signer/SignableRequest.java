package io.podservice.signer;

import java.util.List;
import java.util.Map;

/**
 * What a client signs: the method, the path as it will be sent (raw, canonicalized by the
 * signer), the query parameters (decoded names and values; many values per name allowed), the
 * headers to sign (names in any case) and the body bytes.
 */
public record SignableRequest(
        String method,
        String rawPath,
        Map<String, List<String>> queryParameters,
        Map<String, String> signedHeaders,
        byte[] body) {

    /** A raw (percent-encoded) query string's parameters, decoded, in order. */
    public static Map<String, List<String>> parseQuery(String rawQuery) {
        return CanonicalForms.parameters(rawQuery);
    }

    public SignableRequest {
        queryParameters = queryParameters == null ? Map.of() : queryParameters;
        signedHeaders = signedHeaders == null ? Map.of() : signedHeaders;
        body = body == null ? new byte[0] : body;
    }
}
