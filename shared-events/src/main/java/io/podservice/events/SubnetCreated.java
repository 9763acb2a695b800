package io.podservice.events;

import java.time.Instant;

/** A subnet of {@code vpcId} was created with the CIDR {@code addressPrefix}; nodes make it a Docker network. */
public record SubnetCreated(String subnetId, String accountId, String regionId, String vpcId, String subnetName,
                            String addressPrefix, String description, Instant createdAt, int vni) implements NetworkEvent {
    @Override
    public String resourceId() {
        return subnetId;
    }
}
