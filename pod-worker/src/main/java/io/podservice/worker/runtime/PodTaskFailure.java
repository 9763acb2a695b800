package io.podservice.worker.runtime;

/**
 * A task that cannot complete, with a reason in the API's vocabulary ({@code ErrImagePull},
 * {@code ContainerCreateFailed}, ...) and the runtime's own message.
 */
public class PodTaskFailure extends RuntimeException {

    private final String reason;

    public PodTaskFailure(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
