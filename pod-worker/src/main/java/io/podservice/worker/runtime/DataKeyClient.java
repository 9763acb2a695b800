package io.podservice.worker.runtime;

import java.util.Base64;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Fetches a secret's data key from the command side at pull time. Keys are never cached or logged:
 * each pull asks again, so a deleted secret stops working at once.
 */
@Component
public class DataKeyClient {

    private final CommandSideClient commandSide;

    DataKeyClient(CommandSideClient commandSide) {
        this.commandSide = commandSide;
    }

    /** The key, or empty when it no longer exists (its secret was deleted). */
    public Optional<byte[]> fetch(String keyId) {
        return commandSide.get("/internal/data-keys/" + keyId, "a data key")
                .map(result -> Base64.getDecoder().decode(result.path("key").asText()));
    }
}
