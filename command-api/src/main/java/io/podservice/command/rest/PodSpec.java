package io.podservice.command.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** PodSpec as the API spells it (the fields this version realizes on Docker). */
public record PodSpec(
        @NotBlank(message = "is required")
        @Pattern(regexp = Names.DNS1123_LABEL, message = Names.DNS1123_LABEL_RULE)
        String name,
        @Size(max = 256, message = "must be at most 256 characters") String description,
        @Size(max = 63, message = "must be at most 63 characters")
        @Pattern(regexp = Names.HOSTNAME, message = Names.HOSTNAME_RULE)
        String hostname,
        @Pattern(regexp = "Always|OnFailure|Never", message = "must be one of Always, OnFailure, Never")
        String restartPolicy,
        @Min(value = 0, message = "must not be negative") Integer terminationGracePeriodSeconds,
        @NotBlank(message = "is required") String instanceType,
        String az,
        @NotEmpty(message = "must name at least one container") List<@Valid ContainerSpec> containers) {
}
