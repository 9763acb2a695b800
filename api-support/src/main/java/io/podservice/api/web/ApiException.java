package io.podservice.api.web;

/** A failure the client should see in the API's error format, with a message naming the field or the rule. */
public class ApiException extends RuntimeException {

    private final ErrorStatus status;

    public ApiException(ErrorStatus status, String message) {
        super(message);
        this.status = status;
    }

    public ErrorStatus status() {
        return status;
    }

    public static ApiException invalidArgument(String message) {
        return new ApiException(ErrorStatus.INVALID_ARGUMENT, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(ErrorStatus.NOT_FOUND, message);
    }

    public static ApiException failedPrecondition(String message) {
        return new ApiException(ErrorStatus.FAILED_PRECONDITION, message);
    }
}
