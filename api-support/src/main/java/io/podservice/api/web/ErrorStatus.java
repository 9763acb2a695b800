package io.podservice.api.web;

import org.springframework.http.HttpStatus;

/** The status words of the API's error format with the HTTP status each answers with. */
public enum ErrorStatus {
    INVALID_ARGUMENT(HttpStatus.BAD_REQUEST),
    FAILED_PRECONDITION(HttpStatus.BAD_REQUEST),
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED),
    PERMISSION_DENIED(HttpStatus.FORBIDDEN),
    NOT_FOUND(HttpStatus.NOT_FOUND),
    ALREADY_EXISTS(HttpStatus.CONFLICT),
    QUOTA_EXCEEDED(HttpStatus.BAD_REQUEST),
    /** No node of the availability zone has room for the instance type (the pod is not made). */
    OUT_OF_STOCK(HttpStatus.BAD_REQUEST),
    INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR),
    UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE);

    private final HttpStatus httpStatus;

    ErrorStatus(HttpStatus httpStatus) {
        this.httpStatus = httpStatus;
    }

    public HttpStatus httpStatus() {
        return httpStatus;
    }

    /** The status word for an HTTP status that did not come from the service's own rules (Tomcat's, Spring's). */
    public static ErrorStatus ofHttp(int code) {
        return switch (code) {
            case 401 -> UNAUTHENTICATED;
            case 403 -> PERMISSION_DENIED;
            case 404 -> NOT_FOUND;
            case 409 -> ALREADY_EXISTS;
            case 429 -> QUOTA_EXCEEDED;
            case 503 -> UNAVAILABLE;
            default -> code >= 500 ? INTERNAL : INVALID_ARGUMENT;
        };
    }
}
