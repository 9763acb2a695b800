package io.podservice.signer;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * JDCLOUD2-HMAC-SHA256, step by step:
 * <ol>
 *   <li>canonical request: method, path, canonical query (names and values percent-encoded per
 *       RFC 3986, sorted by name then value, {@code &}-joined), canonical headers (lower-case
 *       names sorted, values trimmed with inner whitespace compacted, one {@code name:value\n}
 *       each), the signed header names {@code ;}-joined, and the hex SHA-256 of the body, all
 *       joined by {@code \n};</li>
 *   <li>string to sign: {@code JDCLOUD2-HMAC-SHA256}, the request time
 *       ({@code yyyyMMdd'T'HHmmss'Z'}), the scope {@code date/region/service/jdcloud2_request} and
 *       the hex SHA-256 of the canonical request, joined by {@code \n};</li>
 *   <li>signing key: HMAC-SHA256 chained over date, region, service and
 *       {@code jdcloud2_request}, starting from the key {@code "JDCLOUD2" + secret};</li>
 *   <li>signature: hex HMAC-SHA256 of the string to sign with the signing key.</li>
 * </ol>
 */
public final class Jdcloud2Signer {

    public static final String ALGORITHM = "JDCLOUD2-HMAC-SHA256";
    public static final String TERMINATOR = "jdcloud2_request";
    public static final String DATE_HEADER = "x-jdcloud-date";
    public static final String NONCE_HEADER = "x-jdcloud-nonce";
    public static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    private Jdcloud2Signer() {
    }

    /** Everything a signature is made of, so a verifier can explain a mismatch and a test can check each step. */
    public record Signature(String canonicalRequest, String stringToSign, String signature, String signedHeaders,
                            String scope) {

        public String authorization(String accessKeyId) {
            return ALGORITHM + " Credential=" + accessKeyId + "/" + scope + ", SignedHeaders=" + signedHeaders
                    + ", Signature=" + signature;
        }
    }

    public static Signature sign(SignableRequest request, String secretAccessKey, Instant time, String region,
                                 String service) {
        String dateTime = DATE_TIME.format(time);
        String date = DATE.format(time);
        String scope = date + "/" + region + "/" + service + "/" + TERMINATOR;
        TreeMap<String, String> headers = new TreeMap<>();
        request.signedHeaders().forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), compact(value)));
        String signedHeaders = String.join(";", headers.keySet());
        String canonicalRequest = request.method().toUpperCase(Locale.ROOT) + "\n"
                + (request.rawPath().isEmpty() ? "/" : request.rawPath()) + "\n"
                + canonicalQuery(request.queryParameters()) + "\n"
                + headers.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue() + "\n").collect(Collectors.joining())
                + "\n"
                + signedHeaders + "\n"
                + hex(sha256(request.body()));
        String stringToSign = ALGORITHM + "\n" + dateTime + "\n" + scope + "\n"
                + hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("JDCLOUD2" + secretAccessKey).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, region);
        key = hmac(key, service);
        key = hmac(key, TERMINATOR);
        String signature = hex(hmac(key, stringToSign));
        return new Signature(canonicalRequest, stringToSign, signature, signedHeaders, scope);
    }

    static String canonicalQuery(Map<String, List<String>> parameters) {
        TreeMap<String, List<String>> sorted = new TreeMap<>();
        parameters.forEach((name, values) -> {
            List<String> encoded = new ArrayList<>();
            for (String value : values) {
                encoded.add(encode(value));
            }
            encoded.sort(null);
            sorted.computeIfAbsent(encode(name), k -> new ArrayList<>()).addAll(encoded);
        });
        List<String> pairs = new ArrayList<>();
        sorted.forEach((name, values) -> values.stream().sorted().forEach(value -> pairs.add(name + "=" + value)));
        return String.join("&", pairs);
    }

    /** RFC 3986 percent-encoding: everything but unreserved characters, upper-case hex. */
    public static String encode(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                    || c == '-' || c == '_' || c == '.' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.toString();
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
