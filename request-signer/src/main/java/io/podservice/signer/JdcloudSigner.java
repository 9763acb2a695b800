package io.podservice.signer;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * JD Cloud's request signature (JDCLOUD2- or JDCLOUD3-HMAC-SHA256), step by step:
 * <ol>
 *   <li>canonical request: method, canonical path, canonical query ({@link CanonicalForms}),
 *       canonical headers (lower-case names sorted, values trimmed with inner whitespace
 *       compacted, one {@code name:value\n} each), the signed header names {@code ;}-joined, and
 *       the hex SHA-256 of the body, all joined by {@code \n};</li>
 *   <li>string to sign: the algorithm word, the request time ({@code yyyyMMdd'T'HHmmss'Z'}), the
 *       scope {@code date/region/service/<terminator>} and the hex SHA-256 of the canonical
 *       request, joined by {@code \n};</li>
 *   <li>signing key: HMAC-SHA256 chained over date, region, service and the terminator, starting
 *       from the key prefix ({@code JDCLOUD2} or {@code JDCLOUD3}) followed by the secret;</li>
 *   <li>signature: hex HMAC-SHA256 of the string to sign with the signing key.</li>
 * </ol>
 */
public final class JdcloudSigner {

    public static final String DATE_HEADER = "x-jdcloud-date";
    public static final String NONCE_HEADER = "x-jdcloud-nonce";
    public static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    private JdcloudSigner() {
    }

    /** Everything a signature is made of, so a verifier can explain a mismatch and a test can check each step. */
    public record Signature(SigningAlgorithm algorithm, String canonicalRequest, String stringToSign, String signature,
                            String signedHeaders, String scope) {

        public String authorization(String accessKeyId) {
            return algorithm.header() + " Credential=" + accessKeyId + "/" + scope + ", SignedHeaders=" + signedHeaders
                    + ", Signature=" + signature;
        }
    }

    /** The parts of a canonical request that do not depend on how its path and query are canonicalized. */
    public record CanonicalHeaders(String block, String signedHeaders) {

        /** Names in any case; values trimmed with inner whitespace compacted. */
        public static CanonicalHeaders of(Map<String, String> headers) {
            TreeMap<String, String> sorted = new TreeMap<>();
            headers.forEach((name, value) -> sorted.put(name.toLowerCase(Locale.ROOT), compact(value)));
            return new CanonicalHeaders(sorted.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue() + "\n")
                    .collect(Collectors.joining()), String.join(";", sorted.keySet()));
        }
    }

    /** The signing key of one secret, day, region and service: derive once, sign many candidate forms. */
    public record SigningKey(SigningAlgorithm algorithm, byte[] key, String dateTime, String scope) {

        public static SigningKey derive(SigningAlgorithm algorithm, String secretAccessKey, Instant time, String region,
                                        String service) {
            String date = DATE.format(time);
            byte[] key = hmac((algorithm.keyPrefix() + secretAccessKey).getBytes(StandardCharsets.UTF_8), date);
            key = hmac(key, region);
            key = hmac(key, service);
            key = hmac(key, algorithm.terminator());
            return new SigningKey(algorithm, key, DATE_TIME.format(time),
                    date + "/" + region + "/" + service + "/" + algorithm.terminator());
        }

        public Signature sign(String method, String canonicalPath, String canonicalQuery, CanonicalHeaders headers,
                              String payloadHash) {
            String canonicalRequest = method.toUpperCase(Locale.ROOT) + "\n" + canonicalPath + "\n" + canonicalQuery + "\n"
                    + headers.block() + "\n" + headers.signedHeaders() + "\n" + payloadHash;
            String stringToSign = algorithm.header() + "\n" + dateTime + "\n" + scope + "\n"
                    + hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
            return new Signature(algorithm, canonicalRequest, stringToSign, hex(hmac(key, stringToSign)),
                    headers.signedHeaders(), scope);
        }
    }

    /** Signs a request as JD Cloud's clients do: the canonical path of its raw path, the RFC 3986 query of its parameters. */
    public static Signature sign(SigningAlgorithm algorithm, SignableRequest request, String secretAccessKey, Instant time,
                                 String region, String service) {
        return SigningKey.derive(algorithm, secretAccessKey, time, region, service).sign(request.method(),
                CanonicalForms.path(request.rawPath()), CanonicalForms.query(request.queryParameters()),
                CanonicalHeaders.of(request.signedHeaders()), hex(sha256(request.body())));
    }

    private static String compact(String value) {
        return value == null ? "" : value.trim().replaceAll("\\s+", " ");
    }

    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
