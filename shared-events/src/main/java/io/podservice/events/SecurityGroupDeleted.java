package io.podservice.events;

import java.time.Instant;

/** A security group no live pod belonged to was deleted. */
public record SecurityGroupDeleted(String networkSecurityGroupId, String accountId, String regionId, String vpcId,
                                   Instant deletedAt) implements NetworkEvent {
    @Override
    public String resourceId() {
        return networkSecurityGroupId;
    }
}
