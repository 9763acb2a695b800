package io.podservice.command.network;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

import io.podservice.events.ElasticIpCreated;
import io.podservice.events.ElasticIpDeleted;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An elastic IP: an address of the service's pool with a bandwidth. Which pod it is bound to is
 * recorded by the pod (PodElasticIpAssociated), on the pod's stream, so the node that runs the
 * pod sees it; the network index keeps the binding unique.
 */
@Aggregate
public class ElasticIp {

    @AggregateIdentifier
    private String elasticIpId;
    private String accountId;
    private String regionId;
    private String address;

    protected ElasticIp() {
        // for Axon's event sourcing
    }

    @CommandHandler
    public ElasticIp(NetworkCommands.CreateElasticIp command) {
        apply(new ElasticIpCreated(command.elasticIpId(), command.accountId(), command.regionId(),
                command.elasticIpAddress(), command.bandwidthMbps(), command.provider(), command.requestedAt(),
                command.elasticIpName()));
    }

    @CommandHandler
    public void handle(NetworkCommands.DeleteElasticIp command) {
        Owned.require(accountId, command.accountId(), "Elastic IP", elasticIpId);
        apply(new ElasticIpDeleted(elasticIpId, accountId, regionId, address, Instant.now()));
    }

    @EventSourcingHandler
    void on(ElasticIpCreated event) {
        elasticIpId = event.elasticIpId();
        accountId = event.accountId();
        regionId = event.regionId();
        address = event.elasticIpAddress();
    }

    @EventSourcingHandler
    void on(ElasticIpDeleted event) {
        markDeleted();
    }
}
