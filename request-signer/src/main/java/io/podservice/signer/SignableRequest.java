package io.podservice.signer;

import java.util.List;
import java.util.Map;

/**
 * What a signature covers: the method, the path exactly as sent (already percent-encoded), the
 * query parameters (decoded names and values; many values per name allowed), the headers to sign
 * (names in any case) and the body bytes.
 */
public record SignableRequest(
        String method,
        String rawPath,
        Map<String, List<String>> queryParameters,
        Map<String, String> signedHeaders,
        byte[] body) {

    public SignableRequest {
        queryParameters = queryParameters == null ? Map.of() : queryParameters;
        signedHeaders = signedHeaders == null ? Map.of() : signedHeaders;
        body = body == null ? new byte[0] : body;
    }
}
