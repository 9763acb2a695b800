package io.podservice.events;

import java.time.Instant;

/** A security group of {@code vpcId} was created, without rules. */
public record SecurityGroupCreated(String networkSecurityGroupId, String accountId, String regionId, String vpcId,
                                   String networkSecurityGroupName, String description, Instant createdAt)
        implements NetworkEvent {
    @Override
    public String resourceId() {
        return networkSecurityGroupId;
    }
}
