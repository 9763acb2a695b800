package io.podservice.api.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.validation.ConstraintViolationException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Turns every failure of a request into the API's error format, naming the field where there is one. */
@RestControllerAdvice
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    public ResponseEntity<ApiResponse<Void>> api(ApiException e) {
        return respond(e.status(), e.getMessage());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    public ResponseEntity<ApiResponse<Void>> invalid(MethodArgumentNotValidException e) {
        String message = e.getBindingResult().getFieldErrors().stream()
                .map(ApiExceptionHandler::describe)
                .sorted()
                .collect(Collectors.joining("; "));
        if (message.isEmpty()) {
            message = e.getBindingResult().getAllErrors().get(0).getDefaultMessage();
        }
        return respond(ErrorStatus.INVALID_ARGUMENT, message);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    public ResponseEntity<ApiResponse<Void>> invalid(ConstraintViolationException e) {
        String message = e.getConstraintViolations().stream()
                .map(v -> "Invalid " + lastNode(v.getPropertyPath().toString()) + ": " + v.getMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        return respond(ErrorStatus.INVALID_ARGUMENT, message);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    public ResponseEntity<ApiResponse<Void>> unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return respond(ErrorStatus.INVALID_ARGUMENT,
                    "Invalid " + JsonPaths.of(mapping.getPath()) + ": " + JsonPaths.reason(mapping));
        }
        if (cause instanceof JsonProcessingException parsing) {
            return respond(ErrorStatus.INVALID_ARGUMENT, "The request body is not valid JSON: " + parsing.getOriginalMessage()
                    + (parsing.getLocation() == null ? "" : " at line " + parsing.getLocation().getLineNr()
                    + ", column " + parsing.getLocation().getColumnNr()));
        }
        return respond(ErrorStatus.INVALID_ARGUMENT, "The request body is missing or unreadable");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    public ResponseEntity<ApiResponse<Void>> missing(MissingServletRequestParameterException e) {
        return respond(ErrorStatus.INVALID_ARGUMENT, "Invalid " + e.getParameterName() + ": is required");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ResponseEntity<ApiResponse<Void>> mismatch(MethodArgumentTypeMismatchException e) {
        return respond(ErrorStatus.INVALID_ARGUMENT, "Invalid " + e.getName() + ": '" + e.getValue() + "' is not a valid "
                + (e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName()));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    public ResponseEntity<ApiResponse<Void>> noRoute(NoResourceFoundException e) {
        return respond(ErrorStatus.NOT_FOUND, "No operation at " + e.getHttpMethod() + " /" + e.getResourcePath());
    }

    /**
     * A path some operation has, with a method none has: no such operation, as for an unknown path
     * (a POST to {@code /pods/{podId}:resize}, an operation of JD Cloud this service lacks, lands here
     * because the path also fits describePod's).
     */
    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    public ResponseEntity<ApiResponse<Void>> method(HttpRequestMethodNotSupportedException e,
                                                    jakarta.servlet.http.HttpServletRequest request) {
        return respond(ErrorStatus.NOT_FOUND, "No operation at " + e.getMethod() + " " + request.getRequestURI()
                + (e.getSupportedMethods() == null ? "" : "; this path takes " + String.join(", ", e.getSupportedMethods())));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    public ResponseEntity<ApiResponse<Void>> mediaType(HttpMediaTypeNotSupportedException e) {
        return respond(ErrorStatus.INVALID_ARGUMENT, "Content-Type " + e.getContentType() + " is not supported; send application/json");
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<ApiResponse<Void>> unexpected(Exception e) {
        ApiException known = ApiFailures.translate(e);
        if (known != null) {
            return respond(known.status(), known.getMessage());
        }
        if (e instanceof org.springframework.web.ErrorResponse spring && spring.getStatusCode().is4xxClientError()) {
            // Spring's own client errors (406, 413, 415, a missing header or path variable, ...) keep their status
            return ResponseEntity.status(spring.getStatusCode()).body(ApiResponse.failure(
                    ErrorStatus.ofHttp(spring.getStatusCode().value()), spring.getBody().getDetail() == null
                            ? e.getMessage() : spring.getBody().getDetail()));
        }
        log.error("request {} failed", RequestIds.current(), e);
        return respond(ErrorStatus.INTERNAL, "Internal error; quote requestId " + RequestIds.current() + " when reporting it");
    }

    private static String describe(FieldError error) {
        return "Invalid " + error.getField() + ": " + error.getDefaultMessage();
    }

    private static String lastNode(String path) {
        int dot = path.indexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static ResponseEntity<ApiResponse<Void>> respond(ErrorStatus status, String message) {
        return ResponseEntity.status(status.httpStatus()).body(ApiResponse.failure(status, message));
    }
}
