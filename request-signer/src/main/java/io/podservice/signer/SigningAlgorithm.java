package io.podservice.signer;

import java.util.Optional;

/**
 * The two generations of JD Cloud's request signature. They differ only in their names: the
 * algorithm word, the prefix of the signing key and the scope's terminator. JD Cloud's Java and
 * Go SDKs and the {@code jdc} CLI sign with {@link #JDCLOUD2}; its Python SDK (1.6.x) signs with
 * {@link #JDCLOUD3}.
 */
public enum SigningAlgorithm {
    JDCLOUD2("JDCLOUD2-HMAC-SHA256", "JDCLOUD2", "jdcloud2_request"),
    JDCLOUD3("JDCLOUD3-HMAC-SHA256", "JDCLOUD3", "jdcloud3_request");

    private final String header;
    private final String keyPrefix;
    private final String terminator;

    SigningAlgorithm(String header, String keyPrefix, String terminator) {
        this.header = header;
        this.keyPrefix = keyPrefix;
        this.terminator = terminator;
    }

    /** The word that opens the Authorization header and the string to sign. */
    public String header() {
        return header;
    }

    /** Prepended to the secret key to start the signing key's HMAC chain. */
    public String keyPrefix() {
        return keyPrefix;
    }

    /** The last element of the credential scope. */
    public String terminator() {
        return terminator;
    }

    public static Optional<SigningAlgorithm> ofHeader(String word) {
        for (SigningAlgorithm algorithm : values()) {
            if (algorithm.header.equals(word)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }
}
