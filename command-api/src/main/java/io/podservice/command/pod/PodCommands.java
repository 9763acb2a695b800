package io.podservice.command.pod;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The commands on an existing pod. Each names the account of the caller; another account's pod is not found. */
public final class PodCommands {

    private PodCommands() {
    }

    public record StartPod(@TargetAggregateIdentifier String podId, String accountId) {
    }

    public record StopPod(@TargetAggregateIdentifier String podId, String accountId) {
    }

    public record DeletePod(@TargetAggregateIdentifier String podId, String accountId,
                            boolean deletePrimaryNetworkInterfaceAllElasticIp) {
    }

    public record RebuildPod(@TargetAggregateIdentifier String podId, String accountId,
                             java.util.List<ContainerReplacement> containers) {
    }

    /** What a rebuild replaces in one container; {@code null} keeps the current value (the image is always given). */
    public record ContainerReplacement(String name, String image, String secret, java.util.List<String> command,
                                       java.util.List<String> args,
                                       java.util.List<io.podservice.events.ContainerDefinition.EnvVar> env,
                                       io.podservice.events.PodSpecParts.Probe livenessProbe,
                                       io.podservice.events.PodSpecParts.Probe readinessProbe,
                                       Boolean tty, String workingDir,
                                       java.util.List<io.podservice.events.PodSpecParts.VolumeMount> volumeMounts,
                                       io.podservice.events.ContainerDefinition.RegistryAuth registryAuth) {

        public ContainerReplacement withRegistryAuth(io.podservice.events.ContainerDefinition.RegistryAuth auth) {
            return new ContainerReplacement(name, image, secret, command, args, env, livenessProbe, readinessProbe, tty,
                    workingDir, volumeMounts, auth);
        }
    }

    /** {@code null} keeps a value as it is. */
    public record ModifyPodAttribute(@TargetAggregateIdentifier String podId, String accountId, String name,
                                     String description) {
    }

    /** Binds an elastic IP; {@code ingressRules} are those of the pod's security groups now ({@code filtered}: it has some). */
    public record AssociateElasticIp(@TargetAggregateIdentifier String podId, String accountId, String regionId,
                                     String elasticIpId,
                                     String elasticIpAddress, boolean filtered,
                                     java.util.List<io.podservice.events.PodSpecParts.SecurityGroupRule> ingressRules) {
    }

    /**
     * resizePod: the stopped pod becomes of {@code type}; {@code containerResources} give some containers
     * new requests and limits (the others keep theirs, or follow the type when they had the old type's).
     */
    public record ResizePod(@TargetAggregateIdentifier String podId, String accountId,
                            io.podservice.api.catalog.InstanceTypeCatalog.InstanceType type,
                            java.util.List<ContainerResources> containerResources) {
    }

    /** JD Cloud's ContainerResourceSpec: a container of the pod by name, and its new resources. */
    public record ContainerResources(String name, ContainerSpec.ResourcesSpec resources) {
    }

    public record DisassociateElasticIp(@TargetAggregateIdentifier String podId, String accountId, String elasticIpId) {
    }
}
