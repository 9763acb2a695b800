package io.podservice.events;

import io.podservice.events.PodSpecParts.Disk;
import io.podservice.events.PodSpecParts.Probe;
import io.podservice.events.PodSpecParts.Resources;
import io.podservice.events.PodSpecParts.VolumeMount;
import java.util.List;

/**
 * One container of a {@link PodDefinition}. Lists are never null. {@code limits} are the
 * resolved CPU and memory limits (the container's resources, else the instance type's);
 * {@code requests} are the container's requests as given (null when none were); {@code imageCacheId} the
 * account's image cache that holds its image on the nodes (null when it names none).
 */
public record ContainerDefinition(
        String name,
        String image,
        List<String> command,
        List<String> args,
        List<EnvVar> env,
        String workingDir,
        boolean tty,
        String secret,
        Resources limits,
        Disk systemDisk,
        List<VolumeMount> volumeMounts,
        Probe livenessProbe,
        Probe readinessProbe,
        RegistryAuth registryAuth,
        Resources requests,
        String imageCacheId) {

    public ContainerDefinition {
        command = PodSpecParts.list(command);
        args = PodSpecParts.list(args);
        env = PodSpecParts.list(env);
        volumeMounts = PodSpecParts.list(volumeMounts);
    }

    /** A container that names no image cache. */
    public ContainerDefinition(String name, String image, List<String> command, List<String> args, List<EnvVar> env,
                               String workingDir, boolean tty, String secret, Resources limits, Disk systemDisk,
                               List<VolumeMount> volumeMounts, Probe livenessProbe, Probe readinessProbe,
                               RegistryAuth registryAuth, Resources requests) {
        this(name, image, command, args, env, workingDir, tty, secret, limits, systemDisk, volumeMounts, livenessProbe,
                readinessProbe, registryAuth, requests, null);
    }

    /** A container with only the basics, the rest absent. */
    public ContainerDefinition(String name, String image, List<String> command, List<String> args, List<EnvVar> env,
                               String workingDir, boolean tty) {
        this(name, image, command, args, env, workingDir, tty, null, null, null, List.of(), null, null, null, null);
    }

    public ContainerDefinition(String name, String image, List<String> command, List<String> args, List<EnvVar> env,
                               String workingDir, boolean tty, String secret, Resources limits, Disk systemDisk,
                               List<VolumeMount> volumeMounts, Probe livenessProbe, Probe readinessProbe) {
        this(name, image, command, args, env, workingDir, tty, secret, limits, systemDisk, volumeMounts, livenessProbe,
                readinessProbe, null, null);
    }

    public ContainerDefinition withRegistryAuth(RegistryAuth auth) {
        return new ContainerDefinition(name, image, command, args, env, workingDir, tty, secret, limits, systemDisk,
                volumeMounts, livenessProbe, readinessProbe, auth, requests, imageCacheId);
    }

    /** The container's image as the account's image cache {@code id} holds it on the nodes. */
    public ContainerDefinition withImageCache(String id, String cachedImage) {
        return new ContainerDefinition(name, cachedImage, command, args, env, workingDir, tty, secret, limits,
                systemDisk, volumeMounts, livenessProbe, readinessProbe, registryAuth, requests, id);
    }

    public ContainerDefinition withLimits(Resources given) {
        return new ContainerDefinition(name, image, command, args, env, workingDir, tty, secret, given, systemDisk,
                volumeMounts, livenessProbe, readinessProbe, registryAuth, requests, imageCacheId);
    }

    public ContainerDefinition withRequests(Resources given) {
        return new ContainerDefinition(name, image, command, args, env, workingDir, tty, secret, limits, systemDisk,
                volumeMounts, livenessProbe, readinessProbe, registryAuth, given, imageCacheId);
    }

    /**
     * How to pull this container's image: the named secret's registry, user and password, the
     * password encrypted under the secret's data key {@code keyId} (only the worker decrypts it, at pull time).
     */
    public record RegistryAuth(String secretName, String server, String username, String passwordCiphertext,
                               String keyId) {
        @Override
        public String toString() {
            return "RegistryAuth[secret=" + secretName + ", server=" + server + ", username=" + username + "]";
        }
    }

    public record EnvVar(String name, String value) {
    }
}
