package io.podservice.signer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The canonical path and query of a request as JD Cloud's clients compute them, from the path and
 * query as they arrive on the wire.
 *
 * <p>The path: the raw path is percent-decoded once and encoded again, RFC 3986 unreserved
 * characters and {@code /} kept, everything else {@code %XX} upper-case. The clients sign
 * {@code /pods/pod-x%3AstopPod} whether the request line carries {@code :} (the Java SDK, the
 * Python SDK, jdc) or {@code %3A} (the Go SDK).
 *
 * <p>The query: names and values RFC 3986-encoded, sorted by name then value, joined by {@code &}.
 * The clients agree on that form for the values they send, with known differences in how a value
 * travels and how they encode it, so {@link #queries} gives every form one of them may have
 * signed, and a verifier accepts a signature over any of them:
 * <ul>
 *   <li>{@code +} on the wire: a space (the Java SDK sends {@code URLEncoder} output) or a plus;</li>
 *   <li>a literal {@code %} in a value: {@code %25} (RFC 3986; Python, Go) or kept as {@code %}
 *       (the Java SDK's {@code SdkHttpUtils.urlEncode} turns {@code %25} back into {@code %});</li>
 *   <li>the raw query exactly as sent (the Go SDK signs {@code URL.RawQuery} verbatim).</li>
 * </ul>
 * Every form is derived from the request itself, so accepting several never lets a signature
 * cover a request its signer did not send, save the {@code %} / {@code %25} ambiguity of the
 * Java SDK's form (docs/security.md).
 */
public final class CanonicalForms {

    private CanonicalForms() {
    }

    /** Thrown for a malformed percent-escape or invalid UTF-8: the request cannot be read, signed or not. */
    public static final class MalformedEncoding extends IllegalArgumentException {
        public MalformedEncoding(String message) {
            super(message);
        }
    }

    /** The canonical path of a raw (as sent) path. */
    public static String path(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return "/";
        }
        String encoded = encode(decode(rawPath, false, "the path"), true);
        return encoded.startsWith("/") ? encoded : "/" + encoded;
    }

    /** The RFC 3986 canonical query of decoded parameters: what a client signs for the query it sends. */
    public static String query(Map<String, List<String>> parameters) {
        List<String[]> pairs = new ArrayList<>();
        parameters.forEach((name, values) -> values.forEach(value -> pairs.add(new String[] {encode(name, false),
                encode(value, false)})));
        return joinSorted(pairs);
    }

    /**
     * Every canonical query a JD Cloud client may have signed for this raw query, the RFC 3986
     * form first.
     *
     * @throws MalformedEncoding naming the parameter whose escape is malformed
     */
    public static Set<String> queries(String rawQuery) {
        Set<String> forms = new LinkedHashSet<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            forms.add("");
            return forms;
        }
        List<String[]> raw = split(rawQuery);
        String plusAsSpace = canonical(raw, true, false);
        forms.add(plusAsSpace);
        forms.add(canonical(raw, false, false));
        forms.add(canonical(raw, true, true));
        forms.add(rawQuery);
        return forms;
    }

    /** The query's parameters, decoded ({@code +} as a space, as servlet containers read them), in order. */
    public static Map<String, List<String>> parameters(String rawQuery) {
        Map<String, List<String>> parameters = new java.util.LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String[] pair : split(rawQuery)) {
            String name = decode(pair[0], true, "a query parameter name");
            parameters.computeIfAbsent(name, k -> new ArrayList<>()).add(decode(pair[1], true, "query parameter " + name));
        }
        return parameters;
    }

    private static List<String[]> split(String rawQuery) {
        List<String[]> pairs = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            pairs.add(eq < 0 ? new String[] {pair, ""} : new String[] {pair.substring(0, eq), pair.substring(eq + 1)});
        }
        return pairs;
    }

    private static String canonical(List<String[]> raw, boolean plusIsSpace, boolean keepPercent) {
        List<String[]> pairs = new ArrayList<>(raw.size());
        for (String[] pair : raw) {
            String name = decode(pair[0], plusIsSpace, "a query parameter name");
            String value = decode(pair[1], plusIsSpace, "query parameter " + name);
            pairs.add(new String[] {reencode(name, keepPercent), reencode(value, keepPercent)});
        }
        return joinSorted(pairs);
    }

    private static String reencode(String decoded, boolean keepPercent) {
        String encoded = encode(decoded, false);
        return keepPercent ? encoded.replace("%25", "%") : encoded;
    }

    private static String joinSorted(List<String[]> pairs) {
        TreeMap<String, List<String>> sorted = new TreeMap<>();
        for (String[] pair : pairs) {
            sorted.computeIfAbsent(pair[0], k -> new ArrayList<>()).add(pair[1]);
        }
        StringBuilder out = new StringBuilder();
        sorted.forEach((name, values) -> values.stream().sorted().forEach(value -> {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(name).append('=').append(value);
        }));
        return out.toString();
    }

    /** RFC 3986 percent-encoding of UTF-8: everything but unreserved characters (and {@code /} when kept), upper-case hex. */
    public static String encode(String value, boolean keepSlash) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                    || c == '-' || c == '_' || c == '.' || c == '~' || keepSlash && c == '/') {
                out.append(c);
            } else {
                out.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
            }
        }
        return out.toString();
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** Strict percent-decoding to UTF-8: a malformed escape or byte sequence is an error naming {@code what}. */
    static String decode(String raw, boolean plusIsSpace, String what) {
        if (raw.indexOf('%') < 0 && (!plusIsSpace || raw.indexOf('+') < 0)) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int hi = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int lo = hi < 0 ? -1 : Character.digit(raw.charAt(i + 2), 16);
                if (lo < 0) {
                    throw new MalformedEncoding("Malformed percent-escape in " + what + ": '%' must be followed by two "
                            + "hexadecimal digits");
                }
                bytes.write(hi << 4 | lo);
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes.write(' ');
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < raw.length()) {
                    encoded = raw.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.writeBytes(encoded);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedEncoding("Invalid UTF-8 in " + what + " after percent-decoding");
        }
    }
}
