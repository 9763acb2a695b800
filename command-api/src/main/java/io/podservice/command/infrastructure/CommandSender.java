package io.podservice.command.infrastructure;

import io.podservice.api.web.ApiException;
import io.podservice.api.web.ApiFailures;
import io.podservice.api.web.ErrorStatus;
import io.podservice.apidocs.Operations;
import io.podservice.api.web.RequestIds;
import io.podservice.command.domain.CommandRejected;
import io.podservice.identity.Caller;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Sends a command on behalf of the current caller (request id, account and access key as
 * metadata, so every event it causes carries them) and turns the aggregate's refusals into the
 * API's errors.
 */
@Component
public class CommandSender {

    private static final long TIMEOUT_SECONDS = 10;

    private final CommandGateway commands;

    CommandSender(CommandGateway commands) {
        this.commands = commands;
    }

    /** @param kind and id name the aggregate in a NOT_FOUND answer ("Secret 'x' not found") */
    public <R> R send(Object command, String kind, String id) {
        Caller caller = Caller.current();
        try {
            return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                            .andMetaData(CommandMetadata.of(RequestIds.current(), caller.accountId(), caller.accessKeyId(),
                                    Operations.current())),
                    TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (RuntimeException e) {
            throw translate(e, kind, id);
        }
    }

    private static RuntimeException translate(RuntimeException error, String kind, String id) {
        java.util.Optional<CommandRejected> rejected = ApiFailures.causeOf(error, CommandRejected.class);
        if (rejected.isPresent()) {
            return new ApiException(ErrorStatus.valueOf(rejected.get().reason().name()), rejected.get().getMessage());
        }
        if (ApiFailures.causeOf(error, AggregateNotFoundException.class).isPresent()) {
            return ApiException.notFound(kind + " '" + id + "' not found");
        }
        return error;
    }
}
