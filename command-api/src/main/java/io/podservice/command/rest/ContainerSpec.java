package io.podservice.command.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.List;

/** ContainerSpec as the API spells it (the fields this version realizes on Docker). */
public record ContainerSpec(
        @NotBlank(message = "is required")
        @Pattern(regexp = Names.DNS1123_LABEL, message = Names.DNS1123_LABEL_RULE)
        String name,
        List<String> command,
        List<String> args,
        List<@Valid EnvVar> env,
        @NotBlank(message = "is required") String image,
        String secret,
        Boolean tty,
        String workingDir) {

    public record EnvVar(@NotBlank(message = "is required") String name, String value) {
    }
}
