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

    /** A raw (percent-encoded) query string's parameters, decoded, in order: what a signature covers. */
    public static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> parameters = new java.util.LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
            parameters.computeIfAbsent(name, k -> new java.util.ArrayList<>()).add(value);
        }
        return parameters;
    }

    public SignableRequest {
        queryParameters = queryParameters == null ? Map.of() : queryParameters;
        signedHeaders = signedHeaders == null ? Map.of() : signedHeaders;
        body = body == null ? new byte[0] : body;
    }
}
