package io.podservice.events;

import java.time.Instant;

/** A VPC with no subnets and no security groups left was deleted. */
public record VpcDeleted(String vpcId, String accountId, String regionId, Instant deletedAt) implements NetworkEvent {
    @Override
    public String resourceId() {
        return vpcId;
    }
}
