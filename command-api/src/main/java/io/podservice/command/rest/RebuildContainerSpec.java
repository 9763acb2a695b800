package io.podservice.command.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.util.List;

/** RebuildContainerSpec: what rebuildPod replaces in one container (absent fields are kept, the image is required). */
record RebuildContainerSpec(
        @NotBlank(message = "is required") String name,
        @NotBlank(message = "is required") String image,
        @Pattern(regexp = Names.DNS1123_SUBDOMAIN, message = Names.DNS1123_SUBDOMAIN_RULE) String secret,
        List<String> command,
        List<String> args,
        List<ContainerSpec.@Valid EnvVar> env,
        @Valid ContainerSpec.ProbeSpec livenessProbe,
        @Valid ContainerSpec.ProbeSpec readinessProbe,
        Boolean tty,
        String workingDir,
        List<ContainerSpec.@Valid VolumeMountSpec> volumeMounts) {

    record Request(@NotEmpty(message = "must name at least one container") List<@Valid RebuildContainerSpec> containers) {
    }
}
