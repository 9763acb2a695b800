package io.podservice.command.pod;

/**
 * An aggregate refuses a command: the resource is not the caller's (answered exactly as a missing
 * one), its state does not allow the operation, or an argument breaks a rule. The REST layer maps {@link Reason} to the API's
 * status words; the aggregate stays free of web types.
 */
public class CommandRejected extends RuntimeException {

    public enum Reason { NOT_FOUND, FAILED_PRECONDITION, INVALID_ARGUMENT }

    private final Reason reason;

    CommandRejected(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public static CommandRejected of(Reason reason, String message) {
        return new CommandRejected(reason, message);
    }

    static CommandRejected notFound(String podId) {
        return new CommandRejected(Reason.NOT_FOUND, "Pod '" + podId + "' not found");
    }

    static CommandRejected invalid(String field, String rule) {
        return new CommandRejected(Reason.INVALID_ARGUMENT, "Invalid " + field + ": " + rule);
    }

    static CommandRejected wrongPhase(String podId, String operation, io.podservice.events.PodPhase phase,
                                         String allowed) {
        return new CommandRejected(Reason.FAILED_PRECONDITION, operation + " is not allowed while pod '" + podId
                + "' is " + phase.wireName() + "; it needs a pod that is " + allowed);
    }
}
