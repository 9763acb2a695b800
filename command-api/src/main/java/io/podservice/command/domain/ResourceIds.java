package io.podservice.command.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/** Resource ids in JD Cloud's shape: a prefix ({@code pod}, {@code vol}), '-' and ten lowercase letters or digits. */
public final class ResourceIds {

    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private ResourceIds() {
    }

    /**
     * The id of the {@code index}-th resource of a create call with a client token: the same for the
     * same account, token and index, so a repeated (or concurrent) call creates nothing more.
     */
    public static String forClientToken(String prefix, String accountId, String clientToken, int index) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(
                    (accountId + "\n" + clientToken + "\n" + index).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        char[] id = new char[10];
        for (int i = 0; i < id.length; i++) {
            id[i] = ALPHABET[(digest[i] & 0xff) % ALPHABET.length];
        }
        return prefix + "-" + new String(id);
    }

    public static String next(String prefix) {
        char[] id = new char[10];
        for (int i = 0; i < id.length; i++) {
            id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return prefix + "-" + new String(id);
    }
}
