package io.podservice.command.pod;

import io.podservice.api.web.ResourceQuantities;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.Pattern;
import java.util.List;

/** ContainerSpec as the API spells it. */
public record ContainerSpec(
        @NotBlank(message = "is required")
        @Pattern(regexp = Names.DNS1123_LABEL, message = Names.DNS1123_LABEL_RULE)
        String name,
        @Size(max = 64, message = "must have at most 64 elements") List<@NotNull(message = "must not hold null") String> command,
        @Size(max = 256, message = "must have at most 256 elements") List<@NotNull(message = "must not hold null") String> args,
        @Size(max = 100, message = "must have at most 100 variables") List<@Valid EnvVar> env,
        @Size(max = 1024, message = "must be at most 1024 characters") String image,
        @Pattern(regexp = Names.DNS1123_SUBDOMAIN, message = Names.DNS1123_SUBDOMAIN_RULE) String secret,
        Boolean tty,
        String workingDir,
        @Valid ProbeSpec livenessProbe,
        @Valid ProbeSpec readinessProbe,
        @Valid ResourcesSpec resources,
        @Valid SystemDiskSpec systemDisk,
        @Size(max = 7, message = "must have at most 7 mounts") List<@Valid VolumeMountSpec> volumeMounts,
        String type,
        String imageCacheId) {

    /** A container spec that gives only a name and resources (for checking resizePod's resources as createPods checks them). */
    static ContainerSpec withResources(String name, ResourcesSpec resources) {
        return new ContainerSpec(name, null, null, null, null, null, null, null, null, null, resources, null, null,
                null, null);
    }

    public record EnvVar(
            @NotBlank(message = "is required")
            @Pattern(regexp = "^[A-Za-z0-9_]{1,64}$", message = "must be 1 to 64 letters, digits or '_'") String name,
            @Size(max = 1024, message = "must be at most 1024 characters") String value) {
    }

    public record ResourcesSpec(@Valid ResourceAmounts requests, @Valid ResourceAmounts limits) {
    }

    /** JD Cloud's RequestSpec: CPU ("500m", "1") and memory ("1024Mi", "1Gi") as strings; bare numbers accepted too. */
    public record ResourceAmounts(
            @com.fasterxml.jackson.databind.annotation.JsonDeserialize(using = ResourceQuantities.TextDeserializer.class)
            String cpu,
            @com.fasterxml.jackson.databind.annotation.JsonDeserialize(using = ResourceQuantities.TextDeserializer.class)
            String memoryMB) {

        /** Cores, checked: at least 0.01. */
        Double cores(String field) {
            Double cores = ResourceQuantities.cpu(field + ".cpu", cpu);
            if (cores != null && cores < 0.01) {
                throw PodSpecValidator.invalid(field + ".cpu", "must be at least 10m (0.01 cores)");
            }
            return cores;
        }

        /** Megabytes, checked: at least 4. */
        Integer megabytes(String field) {
            Integer megabytes = ResourceQuantities.memoryMB(field + ".memoryMB", memoryMB);
            if (megabytes != null && megabytes < 4) {
                throw PodSpecValidator.invalid(field + ".memoryMB", "must be at least 4Mi");
            }
            return megabytes;
        }
    }

    /** The container's system disk: [20, 100] GB in steps of 10. */
    public record SystemDiskSpec(
            @Pattern(regexp = "cloud|local", message = "must be cloud or local") String category,
            @Pattern(regexp = Names.DISK_TYPES, message = Names.DISK_TYPES_RULE) String diskType,
            @Min(value = 20, message = "must be between 20 and 100 GB") @Max(value = 100, message = "must be between 20 and 100 GB")
            Integer sizeGB,
            Boolean autoDelete) {
    }

    public record VolumeMountSpec(
            @NotBlank(message = "is required") String name,
            @NotBlank(message = "is required")
            @Pattern(regexp = "^/.{1,1023}$", message = "must be an absolute path other than '/', at most 1024 characters")
            String mountPath,
            Boolean readOnly,
            @Pattern(regexp = "^(?!/)(?!.*\\.\\.).*$", message = "must be a relative path without '..'") String subPath) {
    }

    /** A probe: exactly one of exec, httpGet, tcpSocket. */
    public record ProbeSpec(
            @Min(value = 0, message = "must not be negative") Integer initialDelaySeconds,
            @Min(value = 1, message = "must be at least 1") Integer periodSeconds,
            @Min(value = 1, message = "must be at least 1") Integer timeoutSeconds,
            @Min(value = 1, message = "must be at least 1") Integer failureThreshold,
            @Min(value = 1, message = "must be at least 1") Integer successThreshold,
            // JD Cloud's Python SDK names the field exec_ (exec is a keyword in Python 2) and sends it so
            @com.fasterxml.jackson.annotation.JsonAlias("exec_") @Valid ExecSpec exec,
            @Valid HttpGetSpec httpGet,
            @Valid TcpSocketSpec tcpSocket) {
    }

    public record ExecSpec(@NotEmpty(message = "must not be empty") @Size(max = 64, message = "must have at most 64 elements")
                           List<@NotNull(message = "must not hold null") String> command) {
    }

    public record HttpGetSpec(
            @Pattern(regexp = "HTTP|HTTPS|http|https", message = "must be HTTP or HTTPS") String scheme,
            String host,
            @Min(value = 1, message = "must be between 1 and 65535") @Max(value = 65535, message = "must be between 1 and 65535")
            int port,
            String path,
            @Size(max = 16, message = "must have at most 16 headers") List<@Valid HttpHeaderSpec> httpHeader) {
    }

    public record HttpHeaderSpec(@NotBlank(message = "is required") String name, String value) {
    }

    public record TcpSocketSpec(
            @Min(value = 1, message = "must be between 1 and 65535") @Max(value = 65535, message = "must be between 1 and 65535")
            int port) {
    }
}
