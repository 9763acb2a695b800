package io.podservice.signer;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed {@code Authorization: JDCLOUD2-HMAC-SHA256 Credential=AK/date/region/service/jdcloud2_request,
 * SignedHeaders=a;b, Signature=hex} header.
 */
public record AuthorizationHeader(String accessKeyId, String date, String region, String service,
                                  List<String> signedHeaders, String signature) {

    private static final Pattern FORMAT = Pattern.compile(
            "^" + Pattern.quote(Jdcloud2Signer.ALGORITHM)
                    + "\\s+Credential=([^/,\\s]+)/(\\d{8})/([^/,\\s]+)/([^/,\\s]+)/" + Jdcloud2Signer.TERMINATOR
                    + "\\s*,\\s*SignedHeaders=([a-z0-9\\-;_.]+)\\s*,\\s*Signature=([0-9a-f]{64})\\s*$");

    public static Optional<AuthorizationHeader> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(header.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new AuthorizationHeader(m.group(1), m.group(2), m.group(3), m.group(4),
                List.of(m.group(5).toLowerCase(Locale.ROOT).split(";")), m.group(6)));
    }
}
