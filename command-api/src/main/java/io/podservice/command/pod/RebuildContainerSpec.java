package io.podservice.command.pod;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** RebuildContainerSpec: what rebuildPod replaces in one container (absent fields are kept, the image is required). */
record RebuildContainerSpec(
        @NotBlank(message = "is required") String name,
        @NotBlank(message = "is required") String image,
        @Pattern(regexp = Names.DNS1123_SUBDOMAIN, message = Names.DNS1123_SUBDOMAIN_RULE) String secret,
        @Size(max = 64, message = "must have at most 64 elements") List<String> command,
        @Size(max = 256, message = "must have at most 256 elements") List<String> args,
        @Size(max = 100, message = "must have at most 100 variables") List<ContainerSpec.@Valid EnvVar> env,
        @Valid ContainerSpec.ProbeSpec livenessProbe,
        @Valid ContainerSpec.ProbeSpec readinessProbe,
        Boolean tty,
        String workingDir,
        @Size(max = 7, message = "must have at most 7 mounts") List<ContainerSpec.@Valid VolumeMountSpec> volumeMounts) {

    record Request(@NotEmpty(message = "must name at least one container") @Size(max = 8, message = "must name at most 8 containers")
                   List<@Valid RebuildContainerSpec> containers) {
    }
}
