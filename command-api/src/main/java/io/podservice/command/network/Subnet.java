package io.podservice.command.network;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

import io.podservice.events.SubnetCreated;
import io.podservice.events.SubnetDeleted;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A subnet of a VPC: a CIDR pods take their private addresses from. */
@Aggregate
public class Subnet {

    @AggregateIdentifier
    private String subnetId;
    private String accountId;
    private String regionId;
    private String vpcId;

    protected Subnet() {
        // for Axon's event sourcing
    }

    @CommandHandler
    public Subnet(NetworkCommands.CreateSubnet command) {
        apply(new SubnetCreated(command.subnetId(), command.accountId(), command.regionId(), command.vpcId(),
                command.subnetName(), command.addressPrefix(), command.description(), command.requestedAt(),
                command.vni()));
    }

    @CommandHandler
    public void handle(NetworkCommands.DeleteSubnet command) {
        Owned.require(accountId, command.accountId(), "Subnet", subnetId);
        apply(new SubnetDeleted(subnetId, accountId, regionId, vpcId, Instant.now()));
    }

    @EventSourcingHandler
    void on(SubnetCreated event) {
        subnetId = event.subnetId();
        accountId = event.accountId();
        regionId = event.regionId();
        vpcId = event.vpcId();
    }

    @EventSourcingHandler
    void on(SubnetDeleted event) {
        markDeleted();
    }
}
