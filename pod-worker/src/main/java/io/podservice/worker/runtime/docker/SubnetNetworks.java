package io.podservice.worker.runtime.docker;

import io.podservice.worker.network.PodFirewall;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Network;
import io.podservice.api.network.Ipv4Cidr;
import io.podservice.events.PodSpecParts.NetworkInterface;
import io.podservice.worker.WorkerProperties;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Subnets as Docker networks on this node: a bridge named {@code pod-subnet-<subnetId>} with the
 * subnet's CIDR and its first address as gateway, made when the first pod of the subnet arrives
 * and removed when the last one leaves. Docker isolates bridges from each other, so pods of one
 * subnet reach each other and pods of other subnets (and VPCs) do not.
 */
@Component
public class SubnetNetworks {

    private static final Logger log = LoggerFactory.getLogger(SubnetNetworks.class);
    public static final String LABEL_SUBNET = "pod-service.subnet";

    private final DockerClient docker;
    private final WorkerProperties properties;
    private final NetworkLocks locks = new NetworkLocks();

    SubnetNetworks(DockerClient docker, WorkerProperties properties) {
        this.docker = docker;
        this.properties = properties;
    }

    public static String networkName(String subnetId) {
        return "pod-subnet-" + subnetId;
    }

    /**
     * Runs {@code attach} with the name of the subnet's network, made first if absent; under the same
     * lock as the removal of unused networks, so a network is never removed while a pod joins it.
     */
    public <T> T joining(NetworkInterface nic, java.util.function.BiFunction<String, Runnable, T> attach) {
        return locks.joining(networkName(nic.subnetId()), () -> ensure(nic), attach);
    }

    private void ensure(NetworkInterface nic) {
        String name = networkName(nic.subnetId());
        if (!docker.listNetworksCmd().withNameFilter(name).exec().stream().anyMatch(n -> n.getName().equals(name))) {
            Ipv4Cidr cidr = Ipv4Cidr.parse(nic.subnetCidr()).orElseThrow(() -> new IllegalArgumentException(
                    "subnet " + nic.subnetId() + " has no CIDR"));
            Map<String, String> labels = new HashMap<>(properties.getExtraLabels());
            labels.putAll(PodContainers.ownership(properties));
            labels.put(LABEL_SUBNET, nic.subnetId());
            labels.put("pod-service.vpc", nic.vpcId());
            try {
                docker.createNetworkCmd().withName(name).withDriver("bridge").withCheckDuplicate(true)
                        .withLabels(labels)
                        // a name PodFirewall knows as a pod bridge
                        .withOptions(Map.of("com.docker.network.bridge.name", PodFirewall.BRIDGE_PREFIX + "s"
                                + AccountNetworks.digest(nic.subnetId())))
                        .withIpam(new Network.Ipam().withConfig(new Network.Ipam.Config()
                                .withSubnet(cidr.toString()).withGateway(Ipv4Cidr.dotted(cidr.gateway()))))
                        .exec();
                log.info("made network {} ({}) for subnet {}", name, cidr, nic.subnetId());
            } catch (ConflictException made) {
                // another worker on this host made it meanwhile
            }
        }
    }

    /**
     * Removes the subnet networks of this service that no container refers to any more, running or
     * not (a stopped pod keeps its network for its next start).
     */
    public void removeUnused() {
        locks.removeUnused(docker, java.util.stream.Stream.concat(java.util.stream.Stream.of(LABEL_SUBNET),
                PodContainers.ownershipFilter(properties).stream()).toList(), "subnet");
    }
}
