package io.podservice.events;

import io.podservice.events.PodSpecParts.DnsConfig;
import io.podservice.events.PodSpecParts.ElasticIpBinding;
import io.podservice.events.PodSpecParts.NetworkInterface;
import io.podservice.events.PodSpecParts.HostAlias;
import io.podservice.events.PodSpecParts.Volume;
import java.util.List;
import java.util.Map;

/**
 * What a pod is meant to be, as recorded in {@link PodCreated}: the accepted podSpec with the
 * instance type already resolved to CPU and memory, so a worker needs no catalog to run it.
 * {@code chargeMode} is JD Cloud's charge mode of the pod (null in pods recorded before it was:
 * {@code postpaid_by_duration}); {@code clientTokenDigest} the SHA-256 of the createPods request that
 * made it with a {@code clientToken}, so a replay with other parameters is told apart.
 */
public record PodDefinition(
        String name,
        String description,
        String hostname,
        String instanceType,
        String az,
        String agId,
        String restartPolicy,
        Integer terminationGracePeriodSeconds,
        double cpu,
        int memoryMB,
        List<ContainerDefinition> containers,
        DnsConfig dnsConfig,
        List<HostAlias> hostAliases,
        List<Volume> volumes,
        Map<String, String> userTags,
        String clientToken,
        NetworkInterface network,
        ElasticIpBinding elasticIp,
        String chargeMode,
        String clientTokenDigest) {

    public PodDefinition {
        containers = List.copyOf(containers);
        hostAliases = PodSpecParts.list(hostAliases);
        volumes = PodSpecParts.list(volumes);
        userTags = userTags == null ? Map.of() : Map.copyOf(userTags);
    }

    /** A definition with only the basics, the rest absent. */
    public PodDefinition(String name, String description, String hostname, String instanceType, String az,
                         String restartPolicy, Integer terminationGracePeriodSeconds, double cpu, int memoryMB,
                         List<ContainerDefinition> containers) {
        this(name, description, hostname, instanceType, az, null, restartPolicy, terminationGracePeriodSeconds, cpu,
                memoryMB, containers, null, List.of(), List.of(), Map.of(), null, null, null, null, null);
    }

    /** The same pod as another instance type: its CPU, memory and containers' resources (resizePod). */
    public PodDefinition withInstanceType(String newInstanceType, double newCpu, int newMemoryMB,
                                          List<ContainerDefinition> newContainers) {
        return new PodDefinition(name, description, hostname, newInstanceType, az, agId, restartPolicy,
                terminationGracePeriodSeconds, newCpu, newMemoryMB, newContainers, dnsConfig, hostAliases, volumes,
                userTags, clientToken, network, elasticIp, chargeMode, clientTokenDigest);
    }

    public PodDefinition withAttributes(String newName, String newDescription) {
        return new PodDefinition(newName, newDescription, hostname, instanceType, az, agId, restartPolicy,
                terminationGracePeriodSeconds, cpu, memoryMB, containers, dnsConfig, hostAliases, volumes, userTags,
                clientToken, network, elasticIp, chargeMode, clientTokenDigest);
    }

    /** The same pod with {@code binding} (or, null, no elastic IP) on its primary interface. */
    public PodDefinition withElasticIp(ElasticIpBinding binding) {
        return new PodDefinition(name, description, hostname, instanceType, az, agId, restartPolicy,
                terminationGracePeriodSeconds, cpu, memoryMB, containers, dnsConfig, hostAliases, volumes, userTags,
                clientToken, network, binding, chargeMode, clientTokenDigest);
    }

    /** The same pod on the primary interface {@code nic} (its address assigned by the service). */
    public PodDefinition withNetwork(NetworkInterface nic) {
        return new PodDefinition(name, description, hostname, instanceType, az, agId, restartPolicy,
                terminationGracePeriodSeconds, cpu, memoryMB, containers, dnsConfig, hostAliases, volumes, userTags,
                clientToken, nic, elasticIp, chargeMode, clientTokenDigest);
    }

    public PodDefinition withContainers(List<ContainerDefinition> newContainers) {
        return new PodDefinition(name, description, hostname, instanceType, az, agId, restartPolicy,
                terminationGracePeriodSeconds, cpu, memoryMB, newContainers, dnsConfig, hostAliases, volumes, userTags,
                clientToken, network, elasticIp, chargeMode, clientTokenDigest);
    }

    /** The same pod with these volumes (its new disks named by the ids the service gave them). */
    public PodDefinition withVolumes(List<Volume> newVolumes) {
        return new PodDefinition(name, description, hostname, instanceType, az, agId, restartPolicy,
                terminationGracePeriodSeconds, cpu, memoryMB, containers, dnsConfig, hostAliases, newVolumes, userTags,
                clientToken, network, elasticIp, chargeMode, clientTokenDigest);
    }
}
