package io.podservice.identity;

import io.podservice.signer.AuthorizationHeader;
import io.podservice.signer.Jdcloud2Signer;
import io.podservice.signer.SignableRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Verifies JD Cloud's signature v2 on a request, in the order that makes failures cheap: the
 * header's form, the signed headers required, the date window, the access key, the signature
 * itself (constant-time), and only then the nonce, so an attacker cannot burn nonces.
 */
@Component
public class SignatureVerifier {

    private static final List<String> REQUIRED_SIGNED = List.of("host", Jdcloud2Signer.DATE_HEADER, Jdcloud2Signer.NONCE_HEADER);

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

    Caller verify(HttpServletRequest request, byte[] body) {
        String header = request.getHeader("Authorization");
        if (header == null || header.isBlank()) {
            throw new AuthenticationFailure("Missing Authorization header: sign the request with "
                    + Jdcloud2Signer.ALGORITHM + " (JD Cloud signature v2)");
        }
        AuthorizationHeader auth = AuthorizationHeader.parse(header).orElseThrow(() -> new AuthenticationFailure(
                "Malformed Authorization header: expected '" + Jdcloud2Signer.ALGORITHM
                        + " Credential=<accessKeyId>/<yyyyMMdd>/<region>/<service>/" + Jdcloud2Signer.TERMINATOR
                        + ", SignedHeaders=<names>, Signature=<hex>'"));
        for (String required : REQUIRED_SIGNED) {
            if (!auth.signedHeaders().contains(required)) {
                throw new AuthenticationFailure("SignedHeaders must include " + required);
            }
        }
        if (!properties.getSignatureServices().contains(auth.service())) {
            throw new AuthenticationFailure("Credential scope names service '" + auth.service() + "'; this endpoint serves "
                    + String.join(", ", properties.getSignatureServices()));
        }
        Instant signedAt = signedAt(request.getHeader(Jdcloud2Signer.DATE_HEADER));
        Duration skew = Duration.between(signedAt, clock.instant()).abs();
        if (skew.compareTo(properties.getSignatureWindow()) > 0) {
            throw new AuthenticationFailure("x-jdcloud-date " + request.getHeader(Jdcloud2Signer.DATE_HEADER)
                    + " is more than " + properties.getSignatureWindow().toMinutes() + " minutes from the server's time "
                    + Jdcloud2Signer.DATE_TIME.format(clock.instant()));
        }
        if (!Jdcloud2Signer.DATE.format(signedAt).equals(auth.date())) {
            throw new AuthenticationFailure("The credential scope's date " + auth.date() + " is not the date of x-jdcloud-date");
        }
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
        SignableRequest signable = new SignableRequest(request.getMethod(), request.getRequestURI(),
                SignableRequest.parseQuery(request.getQueryString()), signedHeaders, body);
        String expected = Jdcloud2Signer.sign(signable, accounts.secretOf(key), signedAt, auth.region(), auth.service())
                .signature();
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                auth.signature().getBytes(StandardCharsets.US_ASCII))) {
            throw new AuthenticationFailure("The request signature does not match: check the secret key, and that the "
                    + "method, path, query, signed headers and body are sent exactly as signed");
        }
        if (!nonces.firstUse(key.accessKeyId(), request.getHeader(Jdcloud2Signer.NONCE_HEADER))) {
            throw new AuthenticationFailure("The nonce " + request.getHeader(Jdcloud2Signer.NONCE_HEADER)
                    + " was already used: every request needs a new x-jdcloud-nonce (replays are refused)");
        }
        return new Caller(key.accountId(), key.accessKeyId());
    }

    private static Instant signedAt(String date) {
        if (date == null) {
            throw new AuthenticationFailure("Missing x-jdcloud-date header");
        }
        try {
            return Instant.from(Jdcloud2Signer.DATE_TIME.parse(date));
        } catch (DateTimeParseException e) {
            throw new AuthenticationFailure("x-jdcloud-date '" + date + "' is not in the form yyyyMMdd'T'HHmmss'Z'");
        }
    }

}
