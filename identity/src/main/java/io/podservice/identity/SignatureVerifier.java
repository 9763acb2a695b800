package io.podservice.identity;

import io.podservice.api.web.ApiException;
import io.podservice.signer.AuthorizationHeader;
import io.podservice.signer.CanonicalForms;
import io.podservice.signer.JdcloudSigner;
import io.podservice.signer.SignatureMatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Verifies JD Cloud's request signature (JDCLOUD2 or JDCLOUD3) on a request, in the order that
 * makes failures cheap: the header's form, the nonce's and date's form, the date window, the
 * scope's region against the path's, the access key, the signature itself (constant-time), and
 * only then the nonce's first use, so an attacker cannot burn nonces.
 *
 * <p>What JD Cloud's clients sign differs, and the verifier follows them rather than one of them:
 * the Python SDK signs only {@code content-type} and {@code host} (its date enters the string to
 * sign, its nonce is sent unsigned); the Java and Go SDKs sign the date and nonce too. So only
 * {@code host} must be signed, the date always counts (it is part of the string to sign), and the
 * nonce is checked for first use whether signed or not. The path and query are compared in every
 * canonical form a JD Cloud client computes from what it sent ({@link CanonicalForms}).
 */
@Component
public class SignatureVerifier {

    private static final Pattern REGION_PATH = Pattern.compile("^/v1/regions/([^/]+)(/|$)");
    private static final Pattern NONCE = Pattern.compile("[\\x21-\\x7e]{1,128}");

    private final Accounts accounts;
    private final NonceRegistry nonces;
    private final IdentityProperties properties;
    private final Clock clock;

    SignatureVerifier(Accounts accounts, NonceRegistry nonces, IdentityProperties properties) {
        this.accounts = accounts;
        this.nonces = nonces;
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    /**
     * The header that carries an MFA code for a protected operation (base64 of the code, as JD Cloud's
     * SDKs send it); signed by JD Cloud's Python and Go SDKs, not by its Java SDK core, so taken either way.
     */
    public static final String SECURITY_TOKEN_HEADER = "x-jdcloud-security-token";

    /** The query parameters that carry a WebSocket handshake's signature (a browser cannot set headers on one). */
    static final String QUERY_AUTHORIZATION = "x-jdcloud-authorization";

    /**
     * What a request presents to be verified: its Authorization, date and nonce, and the raw query
     * the signature covers. JD Cloud's clients send them as headers. A browser's WebSocket handshake
     * (execStart, attach) cannot carry headers, so there the same three may come as query parameters
     * ({@value #QUERY_AUTHORIZATION}, {@code x-jdcloud-date}, {@code x-jdcloud-nonce}), signing
     * {@code host} only, over the query without them: the same signature, key and checks (date
     * window, nonce used once), carried where a page can put it (docs/security.md).
     */
    record Presented(String authorization, String date, String nonce, String rawQuery, boolean inQuery) {

        static Presented of(HttpServletRequest request) {
            boolean handshake = "GET".equals(request.getMethod())
                    && "websocket".equalsIgnoreCase(request.getHeader("Upgrade"))
                    && request.getHeader("Authorization") == null
                    && request.getParameter(QUERY_AUTHORIZATION) != null;
            if (!handshake) {
                return new Presented(request.getHeader("Authorization"), request.getHeader(JdcloudSigner.DATE_HEADER),
                        request.getHeader(JdcloudSigner.NONCE_HEADER), request.getQueryString(), false);
            }
            java.util.List<String> kept = new java.util.ArrayList<>();
            for (String pair : request.getQueryString().split("&")) {
                String name = java.net.URLDecoder.decode(pair.split("=", 2)[0], java.nio.charset.StandardCharsets.UTF_8);
                if (!name.equals(QUERY_AUTHORIZATION) && !name.equals(JdcloudSigner.DATE_HEADER)
                        && !name.equals(JdcloudSigner.NONCE_HEADER)) {
                    kept.add(pair);
                }
            }
            return new Presented(request.getParameter(QUERY_AUTHORIZATION), request.getParameter(JdcloudSigner.DATE_HEADER),
                    request.getParameter(JdcloudSigner.NONCE_HEADER), kept.isEmpty() ? null : String.join("&", kept), true);
        }
    }

    Caller verify(HttpServletRequest request, byte[] body) {
        Presented presented = Presented.of(request);
        AuthorizationHeader auth = authorization(presented.authorization());
        if (presented.inQuery() && !auth.signedHeaders().equals(java.util.List.of("host"))) {
            throw new AuthenticationFailure("A signature in the query (a WebSocket handshake) signs the host header only");
        }
        if (!auth.signedHeaders().contains("host")) {
            throw new AuthenticationFailure("SignedHeaders must include host");
        }
        if (!properties.getSignatureServices().contains(auth.service())) {
            throw new AuthenticationFailure("Credential scope names service '" + auth.service() + "'; this endpoint serves "
                    + String.join(", ", properties.getSignatureServices()));
        }
        String nonce = presented.nonce();
        if (nonce == null || !NONCE.matcher(nonce.trim()).matches()) {
            throw new AuthenticationFailure("x-jdcloud-nonce must be 1 to 128 visible ASCII characters, new for every request");
        }
        Instant signedAt = signedAt(presented.date());
        Duration skew = Duration.between(signedAt, clock.instant()).abs();
        if (skew.compareTo(properties.getSignatureWindow()) > 0) {
            throw new AuthenticationFailure("x-jdcloud-date " + presented.date()
                    + " is more than " + properties.getSignatureWindow().toMinutes() + " minutes from the server's time "
                    + JdcloudSigner.DATE_TIME.format(clock.instant()));
        }
        if (!JdcloudSigner.DATE.format(signedAt).equals(auth.date())) {
            throw new AuthenticationFailure("The credential scope's date " + auth.date() + " is not the date of x-jdcloud-date");
        }
        String rawPath = request.getRequestURI();
        String canonicalPath = canonicalPath(rawPath);
        checkRegion(auth, canonicalPath);
        Accounts.StoredKey key = accounts.findKey(auth.accessKeyId())
                .filter(Accounts.StoredKey::enabled)
                .orElseThrow(() -> new AuthenticationFailure("Unknown or disabled access key " + auth.accessKeyId()));

        Map<String, String> signedHeaders = new LinkedHashMap<>();
        for (String name : auth.signedHeaders()) {
            String value = request.getHeader(name);
            if (value == null) {
                throw new AuthenticationFailure("Signed header " + name + " is missing from the request");
            }
            signedHeaders.put(name, value);
        }
        if (!SignatureMatcher.matches(auth, accounts.secretOf(key), signedAt, request.getMethod(), rawPath,
                presented.rawQuery(), signedHeaders, body)) {
            throw new AuthenticationFailure("The request signature does not match: check the secret key, and that the "
                    + "method, path, query, signed headers and body are sent exactly as signed");
        }
        if (!nonces.firstUse(key.accessKeyId(), nonce.trim())) {
            throw new AuthenticationFailure("The nonce " + nonce.trim()
                    + " was already used: every request needs a new x-jdcloud-nonce (replays are refused)");
        }
        return new Caller(key.accountId(), key.accessKeyId());
    }

    private static AuthorizationHeader authorization(String header) {
        if (header == null || header.isBlank()) {
            throw new AuthenticationFailure("Missing Authorization header: sign the request with JDCLOUD2-HMAC-SHA256 "
                    + "(JD Cloud's request signature)");
        }
        return AuthorizationHeader.parse(header).orElseThrow(() -> new AuthenticationFailure(
                "Malformed Authorization header: expected 'JDCLOUD2-HMAC-SHA256 Credential=<accessKeyId>/<yyyyMMdd>/"
                        + "<region>/<service>/jdcloud2_request, SignedHeaders=<names>, Signature=<hex>' (or JDCLOUD3 with "
                        + "jdcloud3_request)"));
    }

    /** The canonical path, or INVALID_ARGUMENT when the path's escapes are malformed. */
    private static String canonicalPath(String rawPath) {
        try {
            return CanonicalForms.path(rawPath);
        } catch (CanonicalForms.MalformedEncoding e) {
            throw ApiException.invalidArgument(e.getMessage());
        }
    }

    /** A signature scoped to one region is good for that region's paths only. */
    private static void checkRegion(AuthorizationHeader auth, String canonicalPath) {
        Matcher m = REGION_PATH.matcher(canonicalPath);
        if (m.find()) {
            String pathRegion = m.group(1);
            if (!pathRegion.equals(CanonicalForms.encode(auth.region(), false))) {
                throw new AuthenticationFailure("The credential scope's region '" + auth.region()
                        + "' is not the region of the request path '" + pathRegion + "'");
            }
        }
    }

    private static Instant signedAt(String date) {
        if (date == null) {
            throw new AuthenticationFailure("Missing x-jdcloud-date header");
        }
        try {
            return Instant.from(JdcloudSigner.DATE_TIME.parse(date.trim()));
        } catch (DateTimeParseException e) {
            throw new AuthenticationFailure("x-jdcloud-date must be in the form yyyyMMdd'T'HHmmss'Z'");
        }
    }
}
