package io.podservice.command.pod;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of createPods. */
public record CreatePodsRequest(
        @NotNull(message = "is required") @Valid PodSpec podSpec,
        @Min(value = 1, message = "must be between 1 and 100") @Max(value = 100, message = "must be between 1 and 100")
        Integer maxCount,
        @Size(max = 64, message = "must be at most 64 characters") String clientToken) {

    int count() {
        return maxCount == null ? 1 : maxCount;
    }
}
