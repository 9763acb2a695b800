package io.podservice.events;

import java.time.Instant;

/**
 * A docker-registry secret was created. The password is only here as {@code passwordCiphertext}:
 * AES-GCM under the secret's own data key {@code keyId}, which lives outside the event log (wrapped
 * by the master key) and is destroyed by deleteSecret, so this event can then no longer be decrypted.
 */
public record SecretCreated(
        String secretId,
        String accountId,
        String regionId,
        String name,
        String secretType,
        String server,
        String username,
        String email,
        String keyId,
        String passwordCiphertext,
        Instant createdAt) implements SecretEvent {
}
