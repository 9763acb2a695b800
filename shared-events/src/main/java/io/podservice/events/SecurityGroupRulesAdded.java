package io.podservice.events;

import io.podservice.events.PodSpecParts.SecurityGroupRule;
import java.time.Instant;
import java.util.List;

/** Rules were added to a security group, each with the rule id the service gave it. */
public record SecurityGroupRulesAdded(String networkSecurityGroupId, String accountId, String regionId,
                                      List<SecurityGroupRule> rules, Instant addedAt) implements NetworkEvent {
    public SecurityGroupRulesAdded {
        rules = List.copyOf(rules);
    }

    @Override
    public String resourceId() {
        return networkSecurityGroupId;
    }
}
