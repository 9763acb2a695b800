package io.podservice.command.pod;

import java.security.SecureRandom;

/** Pod ids in JD Cloud's shape: {@code pod-} and ten lowercase letters or digits. */
public final class PodIds {

    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private PodIds() {
    }

    /**
     * The id of the {@code index}-th pod of a createPods call with a client token: the same for
     * the same account, token and index, so a repeated (or concurrent) call creates nothing more.
     */
    public static String forClientToken(String accountId, String clientToken, int index) {
        byte[] digest;
        try {
            digest = java.security.MessageDigest.getInstance("SHA-256").digest(
                    (accountId + "\n" + clientToken + "\n" + index).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        char[] id = new char[10];
        for (int i = 0; i < id.length; i++) {
            id[i] = ALPHABET[(digest[i] & 0xff) % ALPHABET.length];
        }
        return "pod-" + new String(id);
    }

    public static String next() {
        char[] id = new char[10];
        for (int i = 0; i < id.length; i++) {
            id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return "pod-" + new String(id);
    }
}
