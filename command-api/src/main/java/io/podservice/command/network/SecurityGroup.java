package io.podservice.command.network;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

import io.podservice.events.PodSpecParts.SecurityGroupRule;
import io.podservice.events.SecurityGroupCreated;
import io.podservice.events.SecurityGroupDeleted;
import io.podservice.events.SecurityGroupRulesAdded;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A security group of a VPC and its rules; each added rule gets an id. */
@Aggregate
public class SecurityGroup {

    @AggregateIdentifier
    private String networkSecurityGroupId;
    private String accountId;
    private String regionId;
    private String vpcId;

    protected SecurityGroup() {
        // for Axon's event sourcing
    }

    @CommandHandler
    public SecurityGroup(NetworkCommands.CreateSecurityGroup command) {
        apply(new SecurityGroupCreated(command.networkSecurityGroupId(), command.accountId(), command.regionId(),
                command.vpcId(), command.networkSecurityGroupName(), command.description(), command.requestedAt()));
    }

    /** @return the rules as added, each with its new id */
    @CommandHandler
    public List<SecurityGroupRule> handle(NetworkCommands.AddSecurityGroupRules command) {
        Owned.require(accountId, command.accountId(), "Security group", networkSecurityGroupId);
        List<SecurityGroupRule> numbered = command.rules().stream()
                .map(r -> new SecurityGroupRule("rule-" + UUID.randomUUID().toString().substring(0, 8), r.direction(),
                        r.protocol(), r.addressPrefix(), r.fromPort(), r.toPort(), r.description(), r.priority()))
                .toList();
        apply(new SecurityGroupRulesAdded(networkSecurityGroupId, accountId, regionId, numbered, Instant.now()));
        return numbered;
    }

    @CommandHandler
    public void handle(NetworkCommands.DeleteSecurityGroup command) {
        Owned.require(accountId, command.accountId(), "Security group", networkSecurityGroupId);
        apply(new SecurityGroupDeleted(networkSecurityGroupId, accountId, regionId, vpcId, Instant.now()));
    }

    @EventSourcingHandler
    void on(SecurityGroupCreated event) {
        networkSecurityGroupId = event.networkSecurityGroupId();
        accountId = event.accountId();
        regionId = event.regionId();
        vpcId = event.vpcId();
    }

    @EventSourcingHandler
    void on(SecurityGroupDeleted event) {
        markDeleted();
    }
}
