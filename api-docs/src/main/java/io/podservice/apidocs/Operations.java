package io.podservice.apidocs;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The API operation being served (createPods, stopPod, ...): the {@code operationId} of the
 * handler's {@link Operation}, the same name the OpenAPI document and JD Cloud's SDKs use.
 * Commands carry it, so every event says which operation caused it (the audit trail reads it).
 */
public final class Operations {

    private Operations() {
    }

    /** The current request's operation, or null outside a request or for a handler without one. */
    public static String current() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        Object handler = attributes == null ? null
                : attributes.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (handler instanceof HandlerMethod method) {
            Operation operation = method.getMethodAnnotation(Operation.class);
            return operation == null || operation.operationId().isEmpty() ? null : operation.operationId();
        }
        return null;
    }
}
