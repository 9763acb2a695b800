package io.podservice.command.secret;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

import io.podservice.events.SecretCreated;
import io.podservice.events.SecretDeleted;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A docker-registry secret. It never sees the password in plaintext. */
@Aggregate
public class Secret {

    @AggregateIdentifier
    private String secretId;
    private String accountId;
    private String regionId;
    private String name;

    protected Secret() {
        // for Axon's event sourcing
    }

    @CommandHandler
    public Secret(SecretCommands.CreateSecret command) {
        apply(new SecretCreated(command.secretId(), command.accountId(), command.regionId(), command.name(),
                "docker-registry", command.server(), command.username(), command.email(), command.keyId(),
                command.passwordCiphertext(), command.requestedAt()));
    }

    @CommandHandler
    public void handle(SecretCommands.DeleteSecret command) {
        if (!accountId.equals(command.accountId())) {
            throw new IllegalStateException("secret " + secretId + " is not the caller's");
        }
        apply(new SecretDeleted(secretId, accountId, regionId, name, Instant.now()));
    }

    @EventSourcingHandler
    void on(SecretCreated event) {
        secretId = event.secretId();
        accountId = event.accountId();
        regionId = event.regionId();
        name = event.name();
    }

    @EventSourcingHandler
    void on(SecretDeleted event) {
        markDeleted();
    }
}
