package io.podservice.signer;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed {@code Authorization: JDCLOUD2-HMAC-SHA256 Credential=AK/date/region/service/jdcloud2_request,
 * SignedHeaders=a;b, Signature=hex} header, or its JDCLOUD3 twin (JDCLOUD3-HMAC-SHA256 with
 * {@code jdcloud3_request}).
 */
public record AuthorizationHeader(SigningAlgorithm algorithm, String accessKeyId, String date, String region,
                                  String service, List<String> signedHeaders, String signature) {

    private static final Pattern FORMAT = Pattern.compile(
            "^(JDCLOUD[23]-HMAC-SHA256)\\s+Credential=([^/,\\s]{1,128})/(\\d{8})/([^/,\\s]{1,64})/([^/,\\s]{1,64})/"
                    + "(jdcloud[23]_request)\\s*,\\s*SignedHeaders=([A-Za-z0-9\\-;_.]{1,1024})\\s*,\\s*"
                    + "Signature=([0-9a-f]{64})\\s*$");

    public static Optional<AuthorizationHeader> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(header.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        SigningAlgorithm algorithm = SigningAlgorithm.ofHeader(m.group(1)).orElseThrow();
        if (!algorithm.terminator().equals(m.group(6))) {
            return Optional.empty(); // JDCLOUD2 signs with jdcloud2_request, JDCLOUD3 with jdcloud3_request
        }
        return Optional.of(new AuthorizationHeader(algorithm, m.group(2), m.group(3), m.group(4), m.group(5),
                List.of(m.group(7).toLowerCase(Locale.ROOT).split(";")), m.group(8)));
    }
}
