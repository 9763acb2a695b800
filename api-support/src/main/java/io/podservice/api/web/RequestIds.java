package io.podservice.api.web;

import java.util.UUID;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/** The request id of the HTTP request being served, set by {@link RequestIdFilter}. */
public final class RequestIds {

    static final String ATTRIBUTE = RequestIds.class.getName();
    public static final String HEADER = "x-jdcloud-request-id";

    private RequestIds() {
    }

    /** The id {@link RequestIdFilter} gave {@code request} (a filter's answer, before Spring binds the request). */
    public static String of(jakarta.servlet.http.HttpServletRequest request) {
        Object id = request.getAttribute(ATTRIBUTE);
        return id == null ? current() : id.toString();
    }

    public static String current() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        Object id = attributes == null ? null : attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        return id == null ? newId() : id.toString();
    }

    /** JD Cloud request ids are 32 lowercase hex-like characters; a UUID without dashes keeps that shape. */
    static String newId() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
