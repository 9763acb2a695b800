package io.podservice.command.pod;

import java.security.SecureRandom;

/** Pod ids in JD Cloud's shape: {@code pod-} and ten lowercase letters or digits. */
public final class PodIds {

    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private PodIds() {
    }

    public static String next() {
        char[] id = new char[10];
        for (int i = 0; i < id.length; i++) {
            id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return "pod-" + new String(id);
    }
}
