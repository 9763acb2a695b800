package io.podservice.identity;

import io.podservice.signer.CanonicalForms;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * What no request of the API may carry, checked before anything reads it: NUL characters (no
 * resource holds them and PostgreSQL refuses them), and a body that is not JSON in UTF-8.
 */
final class RequestHygiene {

    private RequestHygiene() {
    }

    /** The problem with {@code request}, as a message naming it, or null. */
    static String problem(HttpServletRequest request, byte[] body) {
        String query = request.getQueryString();
        if (query != null && query.toLowerCase(Locale.ROOT).contains("%00")) {
            return "The query must not contain NUL characters (%00)";
        }
        try {
            CanonicalForms.path(request.getRequestURI());
            CanonicalForms.parameters(query);
        } catch (CanonicalForms.MalformedEncoding e) {
            return e.getMessage();
        }
        if (body.length == 0) {
            return null;
        }
        String contentType = request.getContentType();
        MediaType type;
        try {
            type = contentType == null ? null : MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            type = null;
        }
        if (type == null || !MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type)) {
            return "A request body must be JSON: send Content-Type: application/json, got "
                    + (contentType == null ? "none" : "'" + contentType + "'");
        }
        if (type.getCharset() != null && !StandardCharsets.UTF_8.equals(type.getCharset())) {
            return "A request body must be UTF-8: Content-Type's charset is " + type.getCharset();
        }
        for (int i = 0; i < body.length; i++) {
            if (body[i] == 0 || body[i] == '\\' && i + 5 < body.length && body[i + 1] == 'u' && body[i + 2] == '0'
                    && body[i + 3] == '0' && body[i + 4] == '0' && body[i + 5] == '0') {
                return "The request body must not contain NUL characters";
            }
        }
        return null;
    }
}
