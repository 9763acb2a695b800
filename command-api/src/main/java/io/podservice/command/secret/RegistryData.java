package io.podservice.command.secret;

import io.podservice.api.web.ApiException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A docker-registry secret's data as JD Cloud's createSecret takes it: keys of letters, digits,
 * {@code -}, {@code _} and {@code .}; each value Base64 without line breaks, at most 4 KB, all of
 * them at most 256 KB; {@code server}, {@code username} and {@code password} required,
 * {@code email} optional. Decoded here, once; each rule's failure names the field.
 */
record RegistryData(String server, String username, String password, String email) {

    static final int MAX_VALUE_BYTES = 4 * 1024;
    static final int MAX_DATA_BYTES = 256 * 1024;
    private static final Set<String> KEYS = Set.of("server", "username", "password", "email");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]*={0,2}");
    private static final Pattern SERVER = Pattern.compile(
            "^(?=.{1,253}(:\\d{1,5})?$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*(:\\d{1,5})?$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]{1,255}$");

    static RegistryData fromBase64(Map<String, String> data) {
        int total = 0;
        for (Map.Entry<String, String> entry : data.entrySet()) {
            if (!KEY.matcher(entry.getKey()).matches()) {
                throw invalid("data", "key '" + entry.getKey() + "' may hold only letters, digits, '-', '_' and '.'");
            }
            if (!KEYS.contains(entry.getKey())) {
                throw invalid("data." + entry.getKey(), "is not a field of a docker-registry secret (server, username, "
                        + "password, email)");
            }
            total += entry.getValue() == null ? 0 : entry.getValue().length();
        }
        if (total > MAX_DATA_BYTES) {
            throw invalid("data", "is " + total + " bytes of Base64; at most " + MAX_DATA_BYTES);
        }
        String server = decode(data, "server", true);
        if (!SERVER.matcher(server).matches()) {
            throw invalid("data.server", "must decode to a registry host (a DNS-1123 subdomain or an IPv4 address) with an "
                    + "optional :port");
        }
        String username = decode(data, "username", true);
        if (username.length() > 255) {
            throw invalid("data.username", "must decode to at most 255 characters");
        }
        String password = decode(data, "password", true);
        String email = decode(data, "email", false);
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw invalid("data.email", "must decode to an e-mail address");
        }
        return new RegistryData(server, username, password, email);
    }

    private static String decode(Map<String, String> data, String key, boolean required) {
        String value = data.get(key);
        if (value == null || value.isEmpty()) {
            if (required) {
                throw invalid("data." + key, "is required");
            }
            return null;
        }
        if (value.length() > MAX_VALUE_BYTES) {
            throw invalid("data." + key, "is " + value.length() + " bytes of Base64; at most " + MAX_VALUE_BYTES);
        }
        if (!BASE64.matcher(value).matches() || value.length() % 4 != 0) {
            throw invalid("data." + key, "must be Base64 without line breaks (e.g. `base64 -w 0`)");
        }
        try {
            String decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Base64.getDecoder().decode(value))).toString();
            if (decoded.isBlank() && required) {
                throw invalid("data." + key, "must not decode to an empty value");
            }
            if (decoded.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw invalid("data." + key, "must not decode to control characters");
            }
            return decoded;
        } catch (IllegalArgumentException | CharacterCodingException e) {
            throw invalid("data." + key, "must be Base64 of UTF-8 text");
        }
    }

    private static ApiException invalid(String field, String rule) {
        return ApiException.invalidArgument("Invalid " + field + ": " + rule);
    }

    @Override
    public String toString() {
        return "RegistryData[server=" + server + ", username=" + username + "]";
    }
}
