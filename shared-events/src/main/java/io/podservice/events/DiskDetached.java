package io.podservice.events;

import java.time.Instant;

/** Pod {@code podId} is gone and the disk, kept ({@code autoDelete} false), is available again. */
public record DiskDetached(String diskId, String accountId, String regionId, String podId, Instant detachedAt)
        implements DiskEvent {
}
