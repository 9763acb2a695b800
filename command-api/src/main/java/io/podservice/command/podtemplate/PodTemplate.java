package io.podservice.command.podtemplate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

import com.fasterxml.jackson.databind.JsonNode;
import io.podservice.command.domain.CommandRejected;
import io.podservice.events.PodTemplateCreated;
import io.podservice.events.PodTemplateDeleted;
import io.podservice.events.PodTemplateUpdated;
import java.time.Instant;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A pod template: its name, description and specification. An update that changes nothing records
 * nothing; another account's template answers exactly like a missing one.
 */
@Aggregate
public class PodTemplate {

    @AggregateIdentifier
    private String podTemplateId;
    private String accountId;
    private String regionId;
    private String name;
    private String description;
    private JsonNode data;

    protected PodTemplate() {
        // for Axon's event sourcing
    }

    @CommandHandler
    public PodTemplate(PodTemplateCommands.CreatePodTemplate command) {
        apply(new PodTemplateCreated(command.podTemplateId(), command.accountId(), command.regionId(), command.name(),
                command.description(), command.data(), Instant.now()));
    }

    @CommandHandler
    public void handle(PodTemplateCommands.UpdatePodTemplate command) {
        requireOwner(command.accountId());
        if (!command.name().equals(name) || !Objects.equals(command.description(), description)
                || !command.data().equals(data)) {
            apply(new PodTemplateUpdated(podTemplateId, accountId, regionId, command.name(), command.description(),
                    command.data(), Instant.now()));
        }
    }

    @CommandHandler
    public void handle(PodTemplateCommands.DeletePodTemplate command) {
        requireOwner(command.accountId());
        apply(new PodTemplateDeleted(podTemplateId, accountId, regionId, name, Instant.now()));
    }

    private void requireOwner(String caller) {
        if (!accountId.equals(caller)) {
            throw CommandRejected.notFound("PodTemplate", podTemplateId);
        }
    }

    @EventSourcingHandler
    void on(PodTemplateCreated event) {
        podTemplateId = event.podTemplateId();
        accountId = event.accountId();
        regionId = event.regionId();
        name = event.name();
        description = event.description();
        data = event.podTemplateData();
    }

    @EventSourcingHandler
    void on(PodTemplateUpdated event) {
        name = event.name();
        description = event.description();
        data = event.podTemplateData();
    }

    @EventSourcingHandler
    void on(PodTemplateDeleted event) {
        markDeleted();
    }
}
