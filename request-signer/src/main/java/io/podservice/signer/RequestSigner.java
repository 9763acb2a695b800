package io.podservice.signer;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The client side: the headers that sign one request ({@code Host}, {@code x-jdcloud-date},
 * {@code x-jdcloud-nonce}, {@code Content-Type} when there is a body, and {@code Authorization}).
 */
public final class RequestSigner {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String accessKeyId;
    private final String secretAccessKey;
    private final String service;

    public RequestSigner(String accessKeyId, String secretAccessKey, String service) {
        this.accessKeyId = accessKeyId;
        this.secretAccessKey = secretAccessKey;
        this.service = service;
    }

    /**
     * @param uri   the full URI, path and query already percent-encoded as they will be sent
     * @param query the query's parameters, decoded
     */
    public Map<String, String> headers(String method, URI uri, Map<String, List<String>> query, byte[] body,
                                       String region, Instant now) {
        Map<String, String> signed = new LinkedHashMap<>();
        signed.put("host", uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort());
        signed.put(JdcloudSigner.DATE_HEADER, JdcloudSigner.DATE_TIME.format(now));
        signed.put(JdcloudSigner.NONCE_HEADER, nonce());
        if (body != null && body.length > 0) {
            signed.put("content-type", "application/json");
        }
        JdcloudSigner.Signature signature = JdcloudSigner.sign(SigningAlgorithm.JDCLOUD2,
                new SignableRequest(method, uri.getRawPath(), query, signed, body), secretAccessKey, now, region, service);
        Map<String, String> headers = new LinkedHashMap<>(signed);
        headers.remove("host"); // HTTP clients set Host themselves, to the same value
        headers.put("Authorization", signature.authorization(accessKeyId));
        return headers;
    }

    private static String nonce() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
