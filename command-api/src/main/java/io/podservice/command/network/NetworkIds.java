package io.podservice.command.network;

import java.security.SecureRandom;

/** Resource ids in JD Cloud's form: a kind prefix and ten lowercase letters and digits ({@code subnet-3kd9x0a1qz}). */
final class NetworkIds {

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private NetworkIds() {
    }

    static String next(String prefix) {
        StringBuilder id = new StringBuilder(prefix).append('-');
        for (int i = 0; i < 10; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }
}
