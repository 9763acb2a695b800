package io.podservice.api.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The envelope of every answer: {@code {"requestId": ..., "result": ...}} on success,
 * {@code {"requestId": ..., "error": {"code", "status", "message"}}} on failure.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiResponse<T>(String requestId, T result, Error error) {

    public static <T> ApiResponse<T> of(T result) {
        return new ApiResponse<>(RequestIds.current(), result, null);
    }

    public static ApiResponse<Void> empty() {
        return new ApiResponse<>(RequestIds.current(), null, null);
    }

    public static ApiResponse<Void> failure(ErrorStatus status, String message) {
        return failure(RequestIds.current(), status, message);
    }

    public static ApiResponse<Void> failure(String requestId, ErrorStatus status, String message) {
        return new ApiResponse<>(requestId, null, new Error(status.httpStatus().value(), status.name(), message));
    }

    public record Error(int code, String status, String message) {
    }
}
