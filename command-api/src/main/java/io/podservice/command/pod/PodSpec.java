package io.podservice.command.pod;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** PodSpec as the API spells it, with the single-field rules of shared/API.md. */
public record PodSpec(
        @NotBlank(message = "is required")
        @Pattern(regexp = Names.DNS1123_SUBDOMAIN, message = Names.DNS1123_SUBDOMAIN_RULE)
        String name,
        @Size(max = 256, message = "must be at most 256 characters") String description,
        @Size(max = 63, message = "must be at most 63 characters")
        @Pattern(regexp = Names.HOSTNAME, message = Names.HOSTNAME_RULE)
        String hostname,
        @Pattern(regexp = "Always|OnFailure|Never", message = "must be one of Always, OnFailure, Never")
        String restartPolicy,
        @Min(value = 0, message = "must be between 0 and 300") @Max(value = 300, message = "must be between 0 and 300")
        Integer terminationGracePeriodSeconds,
        @NotBlank(message = "is required") String instanceType,
        String az,
        String agId,
        @Valid DnsConfigSpec dnsConfig,
        @Valid LogConfigSpec logConfig,
        @Size(max = 10, message = "must have at most 10 aliases") List<@NotNull(message = "must not hold null") @Valid HostAliasSpec> hostAliases,
        @Size(max = 7, message = "must have at most 7 volumes") List<@NotNull(message = "must not hold null") @Valid VolumeSpec> volumes,
        @NotEmpty(message = "must name at least one container")
        @Size(max = 8, message = "must name at most 8 containers")
        List<@NotNull(message = "must not hold null") @Valid ContainerSpec> containers,
        @Valid ChargeSpec charge,
        @Valid ElasticIpSpec elasticIp,
        @Valid NetworkInterfaceAttachmentSpec primaryNetworkInterface,
        @Size(max = 0, message = "are not supported: a pod has one network interface, its primaryNetworkInterface")
        List<Object> secondaryNetworkInterfaces,
        @Size(max = 20, message = "must have at most 20 tags") List<@NotNull(message = "must not hold null") @Valid TagSpec> userTags,
        Boolean autoMatchImageCache,
        Boolean autoCreateImageCache) {

    public record DnsConfigSpec(
            @Size(max = 20, message = "must list at most 20 name servers")
            List<@Pattern(regexp = Names.IPV4, message = "must be IPv4 addresses") String> nameservers,
            @Size(max = 6, message = "must list at most 6 search domains")
            List<@Size(max = 253, message = "must be at most 253 characters") String> searches,
            @Size(max = 10, message = "must list at most 10 options") List<@Valid DnsOptionSpec> options) {
    }

    public record DnsOptionSpec(@NotBlank(message = "is required") String name, String value) {
    }

    public record LogConfigSpec(@Pattern(regexp = "default", message = "must be 'default'") String logDriver) {
    }

    public record HostAliasSpec(
            @NotEmpty(message = "must list at least one host name") @Size(max = 10, message = "must list at most 10 host names")
            List<@Pattern(regexp = Names.HOSTNAME, message = Names.HOSTNAME_RULE) String> hostnames,
            @NotBlank(message = "is required") @Pattern(regexp = Names.IPV4, message = "must be an IPv4 address") String ip) {
    }

    public record VolumeSpec(
            @NotBlank(message = "is required")
            @Pattern(regexp = Names.DNS1123_LABEL, message = Names.DNS1123_LABEL_RULE)
            String name,
            @Valid CloudDiskSpec jdcloudDisk,
            @Valid EmptyDirSpec emptyDir,
            @Valid ConfigFileVolumeSpec configFile) {
    }

    /** JD Cloud's ConfigFileVolumeSourceSpec: the account's config file {@code name}, all its keys or some at paths. */
    public record ConfigFileVolumeSpec(
            @NotBlank(message = "is required") String name,
            @Pattern(regexp = Names.FILE_MODE, message = Names.FILE_MODE_RULE) String defaultMode,
            List<@Valid ConfigFileToPathSpec> fileToPath) {
    }

    public record ConfigFileToPathSpec(
            @NotBlank(message = "is required") String key,
            String path,
            @Pattern(regexp = Names.FILE_MODE, message = Names.FILE_MODE_RULE) String mode) {
    }

    /** JD Cloud's EmptyDirVolumeSourceSpec: scratch space of the pod, {@code sizeMB} in [10, 1024]. */
    public record EmptyDirSpec(
            @Min(value = 10, message = "must be between 10 and 1024 MB") @Max(value = 1024, message = "must be between 10 and 1024 MB")
            Integer sizeMB) {
    }

    /** A data disk: [20, 4000] GB in steps of 10 (DiskRules), unless made from a volume or snapshot. */
    public record CloudDiskSpec(
            String volumeId,
            String snapshotId,
            @Pattern(regexp = Names.DISK_TYPES, message = Names.DISK_TYPES_RULE) String diskType,
            Integer sizeGB,
            @Pattern(regexp = "xfs|ext4", message = "must be xfs or ext4") String fsType,
            Boolean formatVolume,
            @Min(value = 0, message = "must not be negative") Integer iops,
            Boolean autoDelete) {
    }

    /** JD Cloud's {@code ChargeSpec}: chargeUnit and chargeDuration apply to prepaid pods only. */
    public record ChargeSpec(
            @Pattern(regexp = "postpaid_by_usage|postpaid_by_duration|prepaid_by_duration",
                    message = "must be one of postpaid_by_usage, postpaid_by_duration, prepaid_by_duration")
            String chargeMode,
            @Pattern(regexp = "month|year", message = "must be month or year") String chargeUnit,
            Integer chargeDuration,
            Boolean autoRenew) {
    }

    public record ElasticIpSpec(
            @NotNull(message = "is required")
            @Min(value = 1, message = "must be between 1 and 100 Mbps") @Max(value = 100, message = "must be between 1 and 100 Mbps")
            Integer bandwidthMbps,
            String provider) {
    }

    public record NetworkInterfaceAttachmentSpec(
            Boolean autoDelete,
            @Min(value = 1, message = "must be 1") @Max(value = 1, message = "must be 1") Integer deviceIndex,
            @NotNull(message = "is required") @Valid NetworkInterfaceSpec networkInterface) {
    }

    public record NetworkInterfaceSpec(
            @NotBlank(message = "is required") String subnetId,
            String az,
            String networkInterfaceName,
            @Pattern(regexp = Names.IPV4, message = "must be an IPv4 address") String primaryIpAddress,
            List<@Pattern(regexp = Names.IPV4, message = "must be IPv4 addresses") String> secondaryIpAddresses,
            @Min(value = 0, message = "must not be negative") Integer secondaryIpCount,
            @Size(max = 5, message = "must name at most 5 security groups") List<String> securityGroups,
            Integer sanityCheck,
            @Size(max = 256, message = "must be at most 256 characters") String description) {
    }

    public record TagSpec(@NotBlank(message = "is required") @Size(max = 32, message = "must be at most 32 characters") String key,
                          @Size(max = 64, message = "must be at most 64 characters") String value) {
    }
}
