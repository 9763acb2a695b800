package io.podservice.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.podservice.api.web.ApiException;
import io.podservice.api.web.ApiFailures;
import io.podservice.api.web.ApiResponse;
import io.podservice.api.web.ErrorStatus;
import io.podservice.api.web.RequestIds;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a {@code /v1} request through only with a valid JD Cloud signature v2, and binds its
 * {@link Caller}. Everything else answers 401 UNAUTHENTICATED in the API's error format. The body
 * is read once (at most {@value #MAX_BODY_BYTES} bytes), hashed, and handed on unchanged.
 */
class SignatureFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(SignatureFilter.class);
    static final int MAX_BODY_BYTES = 1024 * 1024;

    private final SignatureVerifier verifier;
    private final ObjectMapper json;

    SignatureFilter(SignatureVerifier verifier, ObjectMapper json) {
        this.verifier = verifier;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            reject(request, response, ErrorStatus.INVALID_ARGUMENT, "The request body is larger than " + MAX_BODY_BYTES + " bytes");
            return;
        }
        String unreadable = RequestHygiene.problem(request, body);
        if (unreadable != null) {
            reject(request, response, ErrorStatus.INVALID_ARGUMENT, unreadable);
            return;
        }
        Caller caller;
        try {
            caller = verifier.verify(request, body);
        } catch (AuthenticationFailure failure) {
            log.info("unauthenticated {} {}: {}", request.getMethod(), request.getRequestURI(), failure.getMessage());
            reject(request, response, ErrorStatus.UNAUTHENTICATED, failure.getMessage());
            return;
        } catch (RuntimeException e) {
            ApiException known = ApiFailures.translate(e);
            if (known == null) {
                log.error("signature verification failed", e);
                reject(request, response, ErrorStatus.INTERNAL, "Internal error while verifying the signature");
            } else {
                reject(request, response, known.status(), known.getMessage());
            }
            return;
        }
        caller.bind(request);
        MDC.put("accountId", caller.accountId());
        try {
            chain.doFilter(new CachedBody(request, body), response);
        } finally {
            MDC.remove("accountId");
        }
    }

    private void reject(HttpServletRequest request, HttpServletResponse response, ErrorStatus status, String message)
            throws IOException {
        response.setStatus(status.httpStatus().value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), ApiResponse.failure(RequestIds.of(request), status, message));
    }

    /** The request with its body already read. */
    private static final class CachedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    // the whole body is in memory: it is available at once, then read to its end
                    try {
                        if (!isFinished()) {
                            listener.onDataAvailable();
                        }
                        listener.onAllDataRead();
                    } catch (java.io.IOException e) {
                        listener.onError(e);
                    }
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
