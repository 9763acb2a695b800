package io.podservice.identity;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/** The account and access key that signed the request being served. */
public record Caller(String accountId, String accessKeyId) {

    static final String ATTRIBUTE = Caller.class.getName();

    void bind(HttpServletRequest request) {
        request.setAttribute(ATTRIBUTE, this);
    }

    /** The verified caller of {@code request}, if its signature was checked. */
    public static java.util.Optional<Caller> of(HttpServletRequest request) {
        return java.util.Optional.ofNullable((Caller) request.getAttribute(ATTRIBUTE));
    }

    /** The caller of the current request; a /v1 request without one never reaches a controller. */
    public static Caller current() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        Object caller = attributes == null ? null : attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (caller == null) {
            throw new IllegalStateException("no verified caller on this request");
        }
        return (Caller) caller;
    }
}
