package io.podservice.api.node;

import io.podservice.api.web.ApiException;
import io.podservice.api.web.ErrorStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The shared secret of the service's own parts ({@code pod.node-token}): workers present it to the
 * command side for data keys, and the query side presents it to workers for interactive sessions.
 * Requests carrying it are outside /v1 and signed by no account.
 */
public class NodeToken {

    public static final String HEADER = "X-Pod-Node-Token";

    private final byte[] token;

    public NodeToken(String token) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    /** The token to present, empty when none is configured. */
    public String value() {
        return new String(token, StandardCharsets.UTF_8);
    }

    /** Refuses (UNAUTHENTICATED) unless {@code presented} is the configured token; no token configured refuses all. */
    public void require(String presented) {
        if (!matches(presented)) {
            throw new ApiException(ErrorStatus.UNAUTHENTICATED, "A node token is required (header " + HEADER + ")");
        }
    }

    public boolean matches(String presented) {
        return token.length > 0 && presented != null
                && MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8));
    }
}
