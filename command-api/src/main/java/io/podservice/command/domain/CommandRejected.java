package io.podservice.command.domain;

/**
 * An aggregate refuses a command: the resource is not the caller's (answered exactly as a missing
 * one), its state does not allow the operation, or an argument breaks a rule. The command sender maps {@link Reason} to the API's
 * status words; the aggregate stays free of web types.
 */
public class CommandRejected extends RuntimeException {

    public enum Reason { NOT_FOUND, FAILED_PRECONDITION, INVALID_ARGUMENT, OUT_OF_STOCK }

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

    /** The resource is missing, or another account's (answered the same). */
    public static CommandRejected notFound(String kind, String id) {
        return new CommandRejected(Reason.NOT_FOUND, kind + " '" + id + "' not found");
    }

    public static CommandRejected invalid(String field, String rule) {
        return new CommandRejected(Reason.INVALID_ARGUMENT, "Invalid " + field + ": " + rule);
    }
}
