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
    INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR),
    UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE);

    private final HttpStatus httpStatus;

    ErrorStatus(HttpStatus httpStatus) {
        this.httpStatus = httpStatus;
    }

    public HttpStatus httpStatus() {
        return httpStatus;
    }
}
