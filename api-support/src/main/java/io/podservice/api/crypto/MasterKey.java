package io.podservice.api.crypto;

import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The service's master key (AES-256, {@code pod.master-key}, base64) and authenticated encryption
 * with it (AES-GCM, a fresh 96-bit nonce per message, stored in front of the ciphertext). Secrets
 * at rest (access keys' secrets, registry passwords' data keys) are encrypted with it; the key
 * itself is never stored beside them. {@code toString} never shows the key.
 */
public final class MasterKey {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    private MasterKey(byte[] bytes) {
        if (bytes.length != 32) {
            throw new IllegalArgumentException("pod.master-key must be 32 bytes (base64 of 256 random bits), got "
                    + bytes.length);
        }
        this.key = new SecretKeySpec(bytes, "AES");
    }

    public static MasterKey fromBase64(String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalStateException("pod.master-key (POD_MASTER_KEY) is not set: give every application the same "
                    + "base64 of 32 random bytes, e.g. `head -c 32 /dev/urandom | base64`");
        }
        return new MasterKey(Base64.getDecoder().decode(base64.trim()));
    }

    public static String generateBase64() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** @param context bound into the ciphertext (associated data): a ciphertext moved to another record fails to decrypt */
    public byte[] encrypt(byte[] plaintext, String context) {
        return AesGcm.encrypt(key.getEncoded(), plaintext, context);
    }

    public byte[] decrypt(byte[] ciphertext, String context) {
        return AesGcm.decrypt(key.getEncoded(), ciphertext, context);
    }

    @Override
    public String toString() {
        return "MasterKey[hidden]";
    }
}
