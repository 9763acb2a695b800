package io.podservice.command.rest;

import io.podservice.api.web.ApiException;
import io.podservice.api.web.ErrorStatus;
import io.podservice.api.web.RequestIds;
import io.podservice.command.pod.CommandMetadata;
import io.podservice.command.pod.PodCommandRejected;
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
class CommandSender {

    private static final long TIMEOUT_SECONDS = 10;

    private final CommandGateway commands;

    CommandSender(CommandGateway commands) {
        this.commands = commands;
    }

    <R> R send(Object command, String podIdForErrors) {
        Caller caller = Caller.current();
        try {
            return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                            .andMetaData(CommandMetadata.of(RequestIds.current(), caller.accountId(), caller.accessKeyId())),
                    TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (RuntimeException e) {
            throw translate(e, podIdForErrors);
        }
    }

    private static RuntimeException translate(RuntimeException error, String podId) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof PodCommandRejected rejected) {
                return new ApiException(ErrorStatus.valueOf(rejected.reason().name()), rejected.getMessage());
            }
            if (t instanceof AggregateNotFoundException) {
                return ApiException.notFound("Pod '" + podId + "' not found");
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return error;
    }
}
