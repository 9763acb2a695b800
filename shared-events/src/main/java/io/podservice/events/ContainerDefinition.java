package io.podservice.events;

import java.util.List;

/** One container of a {@link PodDefinition}. Lists are never null. */
public record ContainerDefinition(
        String name,
        String image,
        List<String> command,
        List<String> args,
        List<EnvVar> env,
        String workingDir,
        boolean tty) {

    public ContainerDefinition {
        command = command == null ? List.of() : List.copyOf(command);
        args = args == null ? List.of() : List.copyOf(args);
        env = env == null ? List.of() : List.copyOf(env);
    }

    public record EnvVar(String name, String value) {
    }
}
