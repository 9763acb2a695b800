package io.podservice.api.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's own error page, in the API's error format. Tomcat answers some requests before any
 * filter or controller sees them (a request line and headers over {@code
 * server.max-http-request-header-size}, a malformed request line); its stock valve writes an HTML
 * page, which JD Cloud's clients cannot read. This one writes the envelope with a fresh requestId.
 * An answer the application already wrote is left alone, as the stock valve does.
 */
public class JsonErrorReportValve extends ErrorReportValve {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String requestId = RequestIds.newId();
        ErrorStatus word = ErrorStatus.ofHttp(status);
        String message = status >= 500 ? "Internal error; quote requestId " + requestId + " when reporting it"
                : status == 400 ? "The HTTP request was refused before the API read it: its request line and headers "
                + "are malformed or longer than the server takes (server.max-http-request-header-size)"
                : word.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        try {
            response.resetBuffer();
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setHeader(RequestIds.HEADER, requestId);
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(JSON.writeValueAsString(ApiResponse.failure(requestId, word, message)));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone or the answer was committed meanwhile: nothing more to say
        }
    }
}
