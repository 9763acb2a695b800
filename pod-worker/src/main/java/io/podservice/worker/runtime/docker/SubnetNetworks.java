package io.podservice.worker.runtime.docker;

import io.podservice.worker.network.PodFirewall;
import io.podservice.worker.network.SubnetOverlay;
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
    /** The subnet's VXLAN network identifier ({@link SubnetOverlay}). */
    static final String LABEL_VNI = "pod-service.vni";
    private static final String BRIDGE_NAME = "com.docker.network.bridge.name";

    private final DockerClient docker;
    private final WorkerProperties properties;
    private final SubnetOverlay overlay;
    private final NetworkLocks locks = new NetworkLocks();

    SubnetNetworks(DockerClient docker, WorkerProperties properties, SubnetOverlay overlay) {
        this.docker = docker;
        this.properties = properties;
        this.overlay = overlay;
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
            labels.put(LABEL_VNI, String.valueOf(nic.vni()));
            Map<String, String> options = new HashMap<>(overlay.networkOptions());
            // a name PodFirewall knows as a pod bridge
            options.put(BRIDGE_NAME, PodFirewall.BRIDGE_PREFIX + "s" + AccountNetworks.digest(nic.subnetId()));
            try {
                docker.createNetworkCmd().withName(name).withDriver("bridge").withCheckDuplicate(true)
                        .withLabels(labels)
                        .withOptions(options)
                        .withIpam(new Network.Ipam().withConfig(new Network.Ipam.Config()
                                .withSubnet(cidr.toString()).withGateway(Ipv4Cidr.dotted(cidr.gateway()))))
                        .exec();
                log.info("made network {} ({}) for subnet {}", name, cidr, nic.subnetId());
            } catch (ConflictException made) {
                // another worker on this host made it meanwhile
            }
            syncOverlay();
        }
    }

    /**
     * Joins this node's subnet bridges to the same subnets' bridges on the other nodes
     * ({@link SubnetOverlay}), and only those: every {@code pod.worker.reconcile-interval} (what an
     * operator or a daemon restart undid is put back), when a subnet's network is made or removed,
     * and when the peers change.
     */
    @org.springframework.scheduling.annotation.Scheduled(initialDelayString = "PT3S",
            fixedDelayString = "${pod.worker.reconcile-interval:PT30S}")
    public void syncOverlay() {
        if (!overlay.enabled()) {
            return;
        }
        Map<String, Integer> bridges = new HashMap<>();
        for (Network network : docker.listNetworksCmd().withFilter("label", PodContainers.ownershipFilter(properties))
                .exec()) {
            Map<String, String> labels = network.getLabels() == null ? Map.of() : network.getLabels();
            String bridge = network.getOptions() == null ? null : network.getOptions().get(BRIDGE_NAME);
            if (labels.containsKey(LABEL_SUBNET) && bridge != null) {
                bridges.put(bridge, parseVni(labels.get(LABEL_VNI)));
            }
        }
        overlay.sync(bridges);
    }

    /** Soon after a peer joins or leaves, rather than at the next pass. */
    @org.springframework.scheduling.annotation.Scheduled(fixedDelayString = "PT2S", initialDelayString = "PT2S")
    void followPeers() {
        if (overlay.peersChanged()) {
            syncOverlay();
        }
    }

    private static int parseVni(String label) {
        try {
            return label == null ? 0 : Integer.parseInt(label);
        } catch (NumberFormatException e) {
            return 0;
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
