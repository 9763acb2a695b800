package io.podservice.events;

import java.time.Instant;

/** The secret was deleted and its data key destroyed. */
public record SecretDeleted(String secretId, String accountId, String regionId, String name, Instant deletedAt)
        implements SecretEvent {
}
