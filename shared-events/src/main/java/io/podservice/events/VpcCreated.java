package io.podservice.events;

import java.time.Instant;

/** A VPC was created; {@code addressPrefix} (a CIDR) bounds its subnets when given. */
public record VpcCreated(String vpcId, String accountId, String regionId, String vpcName, String addressPrefix,
                         String description, Instant createdAt) implements NetworkEvent {
    @Override
    public String resourceId() {
        return vpcId;
    }
}
