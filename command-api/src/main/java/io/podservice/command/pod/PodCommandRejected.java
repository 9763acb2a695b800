package io.podservice.command.pod;

/**
 * The aggregate refuses a command: the pod is not the caller's (answered exactly as a missing
 * pod) or its phase does not allow the operation. The REST layer maps {@link Reason} to the API's
 * status words; the aggregate stays free of web types.
 */
public class PodCommandRejected extends RuntimeException {

    public enum Reason { NOT_FOUND, FAILED_PRECONDITION, INVALID_ARGUMENT }

    private final Reason reason;

    PodCommandRejected(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    static PodCommandRejected notFound(String podId) {
        return new PodCommandRejected(Reason.NOT_FOUND, "Pod '" + podId + "' not found");
    }

    static PodCommandRejected invalid(String field, String rule) {
        return new PodCommandRejected(Reason.INVALID_ARGUMENT, "Invalid " + field + ": " + rule);
    }

    static PodCommandRejected wrongPhase(String podId, String operation, io.podservice.events.PodPhase phase,
                                         String allowed) {
        return new PodCommandRejected(Reason.FAILED_PRECONDITION, operation + " is not allowed while pod '" + podId
                + "' is " + phase.wireName() + "; it needs a pod that is " + allowed);
    }
}
