package io.podservice.events;

import java.time.Instant;

/** A subnet no pod used any more was deleted. */
public record SubnetDeleted(String subnetId, String accountId, String regionId, String vpcId, Instant deletedAt)
        implements NetworkEvent {
    @Override
    public String resourceId() {
        return subnetId;
    }
}
