package io.podservice.command.podtemplate;

import io.podservice.command.pod.ContainerSpec;
import io.podservice.command.pod.PodSpec;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;

/**
 * JD Cloud's PodTemplateSpec: a podSpec without the pod's own name, zone and charge. Its parts are
 * podSpec's parts with podSpec's rules (volumes may also be emptyDir and config file volumes, as in
 * createPods).
 */
public record PodTemplateSpec(
        @NotBlank(message = "is required") String instanceType,
        @Pattern(regexp = "Always|OnFailure|Never", message = "must be one of Always, OnFailure, Never")
        String restartPolicy,
        @Min(value = 0, message = "must be between 0 and 300") @Max(value = 300, message = "must be between 0 and 300")
        Integer terminationGracePeriodSeconds,
        @Valid PodSpec.DnsConfigSpec dnsConfig,
        @Valid PodSpec.LogConfigSpec logConfig,
        @Size(max = 10, message = "must have at most 10 aliases") List<PodSpec.@NotNull(message = "must not hold null") @Valid HostAliasSpec> hostAliases,
        @Size(max = 7, message = "must have at most 7 volumes") List<PodSpec.@NotNull(message = "must not hold null") @Valid VolumeSpec> volumes,
        @NotEmpty(message = "must name at least one container")
        @Size(max = 8, message = "must name at most 8 containers")
        List<@NotNull(message = "must not hold null") @Valid ContainerSpec> containers,
        @Valid ElasticIpSpec elasticIp,
        @NotNull(message = "is required") @Valid PodSpec.NetworkInterfaceAttachmentSpec primaryNetworkInterface,
        @Size(max = 0, message = "are not supported: a pod has one network interface, its primaryNetworkInterface")
        List<Object> secondaryNetworkInterfaces,
        @Size(max = 20, message = "must have at most 20 tags") List<PodSpec.@NotNull(message = "must not hold null") @Valid TagSpec> userTags) {

    /** JD Cloud's PodTemplateElasticIpSpec: the elastic IP each pod of the template gets. */
    public record ElasticIpSpec(
            @NotNull(message = "is required")
            @Min(value = 1, message = "must be between 1 and 100 Mbps") @Max(value = 100, message = "must be between 1 and 100 Mbps")
            Integer bandwidthMbps,
            String provider,
            String chargeMode) {
    }

    /** The podSpec createPods would be given for a pod of this template (a placeholder name; no zone, no charge). */
    PodSpec toPodSpec() {
        return new PodSpec("template", null, null, restartPolicy, terminationGracePeriodSeconds, instanceType, null,
                null, dnsConfig, logConfig, hostAliases, volumes, containers, null,
                elasticIp == null ? null : new PodSpec.ElasticIpSpec(elasticIp.bandwidthMbps(), elasticIp.provider()),
                primaryNetworkInterface, secondaryNetworkInterfaces, userTags, null, null);
    }

    /**
     * updatePodTemplate's rules: a part given replaces this one's (an empty list clears it),
     * noElasticIp removes the elastic IP, userTags are set (added or changed) and removeUserTags removed.
     */
    PodTemplateSpec updatedBy(UpdatePodTemplateSpec update) {
        List<PodSpec.TagSpec> tags = new ArrayList<>(userTags == null ? List.of() : userTags);
        if (update.userTags() != null) {
            for (PodSpec.TagSpec tag : update.userTags()) {
                if (tag == null || tag.key() == null) {
                    throw io.podservice.api.web.ApiException.invalidArgument(
                            "Invalid podTemplateSpec.userTags: each tag needs a key");
                }
                tags.removeIf(t -> t.key().equals(tag.key()));
                tags.add(tag);
            }
        }
        if (update.removeUserTags() != null) {
            tags.removeIf(t -> update.removeUserTags().contains(t.key()));
        }
        return new PodTemplateSpec(
                or(update.instanceType(), instanceType),
                or(update.restartPolicy(), restartPolicy),
                or(update.terminationGracePeriodSeconds(), terminationGracePeriodSeconds),
                or(update.dnsConfig(), dnsConfig),
                or(update.logConfig(), logConfig),
                or(update.hostAliases(), hostAliases),
                or(update.volumes(), volumes),
                or(update.containers(), containers),
                Boolean.TRUE.equals(update.noElasticIp()) ? null : or(update.elasticIp(), elasticIp),
                or(update.primaryNetworkInterface(), primaryNetworkInterface),
                or(update.secondaryNetworkInterfaces(), secondaryNetworkInterfaces),
                tags.isEmpty() ? null : tags);
    }

    private static <T> T or(T given, T current) {
        return given != null ? given : current;
    }

    /** JD Cloud's UpdatePodTemplateSpec: every part optional. */
    public record UpdatePodTemplateSpec(
            String instanceType,
            String restartPolicy,
            Integer terminationGracePeriodSeconds,
            PodSpec.DnsConfigSpec dnsConfig,
            PodSpec.LogConfigSpec logConfig,
            List<PodSpec.HostAliasSpec> hostAliases,
            List<PodSpec.VolumeSpec> volumes,
            List<ContainerSpec> containers,
            ElasticIpSpec elasticIp,
            Boolean noElasticIp,
            PodSpec.NetworkInterfaceAttachmentSpec primaryNetworkInterface,
            List<Object> secondaryNetworkInterfaces,
            List<PodSpec.TagSpec> userTags,
            List<String> removeUserTags) {
    }
}
