package io.podservice.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Where and as whom to call: endpoint, region and keys, read from an INI file of profiles
 * ({@code [name]} then {@code key = value} lines), as the launcher writes {@code data/credentials}.
 */
record Profile(String endpoint, String region, String accessKey, String secretKey) {

    static Map<String, Map<String, String>> read(Path file) throws IOException {
        Map<String, Map<String, String>> profiles = new HashMap<>();
        Map<String, String> current = null;
        for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String line = raw.trim();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                current = profiles.computeIfAbsent(line.substring(1, line.length() - 1).trim(), k -> new HashMap<>());
            } else if (current != null && line.contains("=")) {
                current.put(line.substring(0, line.indexOf('=')).trim(), line.substring(line.indexOf('=') + 1).trim());
            }
        }
        return profiles;
    }

    @Override
    public String toString() {
        return "Profile[endpoint=" + endpoint + ", region=" + region + ", accessKey=" + accessKey + "]";
    }
}
