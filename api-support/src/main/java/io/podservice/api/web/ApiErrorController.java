package io.podservice.api.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What reaches the servlet container's error page (a failure outside the controllers: a filter,
 * Tomcat refusing a request line, a WebSocket handshake) answers in the API's error format too, so
 * JD Cloud's clients, which read only the envelope, never see an HTML or plain-text body.
 */
@RestController
public class ApiErrorController implements ErrorController {

    @RequestMapping("${server.error.path:${error.path:/error}}")
    public ResponseEntity<ApiResponse<Void>> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        ErrorStatus word = ErrorStatus.ofHttp(status);
        Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        String text = status >= 500 ? "Internal error; quote requestId " + RequestIds.current() + " when reporting it"
                : message instanceof String m && !m.isBlank() ? m : word.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        return ResponseEntity.status(status).body(ApiResponse.failure(word, text));
    }
}
