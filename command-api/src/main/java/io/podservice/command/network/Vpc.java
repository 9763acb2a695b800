package io.podservice.command.network;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

import io.podservice.events.VpcCreated;
import io.podservice.events.VpcDeleted;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A VPC: a name and, optionally, the CIDR its subnets must fall in. */
@Aggregate
public class Vpc {

    @AggregateIdentifier
    private String vpcId;
    private String accountId;
    private String regionId;

    protected Vpc() {
        // for Axon's event sourcing
    }

    @CommandHandler
    public Vpc(NetworkCommands.CreateVpc command) {
        apply(new VpcCreated(command.vpcId(), command.accountId(), command.regionId(), command.vpcName(),
                command.addressPrefix(), command.description(), command.requestedAt()));
    }

    @CommandHandler
    public void handle(NetworkCommands.DeleteVpc command) {
        Owned.require(accountId, command.accountId(), "VPC", vpcId);
        apply(new VpcDeleted(vpcId, accountId, regionId, Instant.now()));
    }

    @EventSourcingHandler
    void on(VpcCreated event) {
        vpcId = event.vpcId();
        accountId = event.accountId();
        regionId = event.regionId();
    }

    @EventSourcingHandler
    void on(VpcDeleted event) {
        markDeleted();
    }
}
