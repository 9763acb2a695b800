package io.podservice.events;

import java.time.Instant;

/** The disk is a volume of pod {@code podId} from now on; {@code autoDelete}: it goes when the pod does. */
public record DiskAttached(String diskId, String accountId, String regionId, String podId, boolean autoDelete,
                           Instant attachedAt) implements DiskEvent {
}
