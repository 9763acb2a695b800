package io.podservice.command.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.util.List;

/** ContainerSpec as the API spells it. */
public record ContainerSpec(
        @NotBlank(message = "is required")
        @Pattern(regexp = Names.DNS1123_LABEL, message = Names.DNS1123_LABEL_RULE)
        String name,
        List<String> command,
        List<String> args,
        List<@Valid EnvVar> env,
        @NotBlank(message = "is required") String image,
        @Pattern(regexp = Names.DNS1123_SUBDOMAIN, message = Names.DNS1123_SUBDOMAIN_RULE) String secret,
        Boolean tty,
        String workingDir,
        @Valid ProbeSpec livenessProbe,
        @Valid ProbeSpec readinessProbe,
        @Valid ResourcesSpec resources,
        @Valid SystemDiskSpec systemDisk,
        List<@Valid VolumeMountSpec> volumeMounts) {

    public record EnvVar(@NotBlank(message = "is required") String name, String value) {
    }

    public record ResourcesSpec(@Valid ResourceAmounts requests, @Valid ResourceAmounts limits) {
    }

    public record ResourceAmounts(
            @DecimalMin(value = "0.01", message = "must be at least 0.01 cores") Double cpu,
            @Min(value = 4, message = "must be at least 4 MB") Integer memoryMB) {
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
            @NotBlank(message = "is required") @Pattern(regexp = "^/.*", message = "must be an absolute path") String mountPath,
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
            @Valid ExecSpec exec,
            @Valid HttpGetSpec httpGet,
            @Valid TcpSocketSpec tcpSocket) {
    }

    public record ExecSpec(@NotEmpty(message = "must not be empty") List<String> command) {
    }

    public record HttpGetSpec(
            @Pattern(regexp = "HTTP|HTTPS|http|https", message = "must be HTTP or HTTPS") String scheme,
            String host,
            @Min(value = 1, message = "must be between 1 and 65535") @Max(value = 65535, message = "must be between 1 and 65535")
            int port,
            String path,
            List<@Valid HttpHeaderSpec> httpHeader) {
    }

    public record HttpHeaderSpec(@NotBlank(message = "is required") String name, String value) {
    }

    public record TcpSocketSpec(
            @Min(value = 1, message = "must be between 1 and 65535") @Max(value = 65535, message = "must be between 1 and 65535")
            int port) {
    }
}
