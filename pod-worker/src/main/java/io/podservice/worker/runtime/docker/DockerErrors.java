package io.podservice.worker.runtime.docker;

import com.github.dockerjava.api.exception.DockerException;

/** The daemon's own words for a failure, without docker-java's wrapping. */
final class DockerErrors {

    private DockerErrors() {
    }

    static String message(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && t.getCause() != t && !(t instanceof DockerException)) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        // docker-java prefixes daemon answers with "Status 404: {"message":"..."}"
        int json = message.indexOf("{\"message\":\"");
        if (json >= 0) {
            String inner = message.substring(json + 12);
            int end = inner.lastIndexOf("\"}");
            message = end >= 0 ? inner.substring(0, end) : inner;
        }
        return message.strip();
    }
}
