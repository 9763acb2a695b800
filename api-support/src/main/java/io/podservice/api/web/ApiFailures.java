package io.podservice.api.web;

import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Recognises failures that are not the client's fault but have a better answer than INTERNAL,
 * looking through wrapping exceptions (Axon and Spring wrap freely).
 */
public final class ApiFailures {

    private ApiFailures() {
    }

    /** The first exception of {@code type} in the cause chain of {@code error}, itself included. */
    public static <T extends Throwable> java.util.Optional<T> causeOf(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return java.util.Optional.of(type.cast(t));
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return java.util.Optional.empty();
    }

    public static ApiException translate(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ApiException api) {
                return api;
            }
            // (a JDBC connection that cannot be had is one of Spring's resource failures)
            if (t instanceof DataAccessResourceFailureException
                    || t instanceof SQLTransientConnectionException) {
                return new ApiException(ErrorStatus.UNAVAILABLE, "The database is unavailable; retry later");
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
