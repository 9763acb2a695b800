package io.podservice.command.configfile;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

import io.podservice.command.domain.CommandRejected;
import io.podservice.events.ConfigFileCreated;
import io.podservice.events.ConfigFileDeleted;
import io.podservice.events.ConfigFileUpdated;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A config file: its files and their version (1 at creation, one more per update that changes
 * them). Another account's config file answers exactly like a missing one.
 */
@Aggregate
public class ConfigFile {

    @AggregateIdentifier
    private String configFileId;
    private String accountId;
    private String regionId;
    private String name;
    private long version;
    private java.util.List<io.podservice.events.ConfigFileEvent.Entry> data;

    protected ConfigFile() {
        // for Axon's event sourcing
    }

    @CommandHandler
    public ConfigFile(ConfigFileCommands.CreateConfigFile command) {
        apply(new ConfigFileCreated(command.configFileId(), command.accountId(), command.regionId(), command.name(),
                command.data(), Instant.now()));
    }

    @CommandHandler
    public void handle(ConfigFileCommands.UpdateConfigFile command) {
        requireOwner(command.accountId());
        if (!command.data().equals(data)) {
            apply(new ConfigFileUpdated(configFileId, accountId, regionId, name, version + 1, command.data(),
                    Instant.now()));
        }
    }

    @CommandHandler
    public void handle(ConfigFileCommands.DeleteConfigFile command) {
        requireOwner(command.accountId());
        apply(new ConfigFileDeleted(configFileId, accountId, regionId, name, Instant.now()));
    }

    private void requireOwner(String caller) {
        if (!accountId.equals(caller)) {
            throw CommandRejected.notFound("ConfigFile", name);
        }
    }

    @EventSourcingHandler
    void on(ConfigFileCreated event) {
        configFileId = event.configFileId();
        accountId = event.accountId();
        regionId = event.regionId();
        name = event.name();
        version = 1;
        data = event.data();
    }

    @EventSourcingHandler
    void on(ConfigFileUpdated event) {
        version = event.version();
        data = event.data();
    }

    @EventSourcingHandler
    void on(ConfigFileDeleted event) {
        markDeleted();
    }
}
