package io.podservice.worker.runtime.docker;

import io.podservice.worker.network.PodFirewall;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Network;
import io.podservice.api.network.Ipv4Cidr;
import io.podservice.worker.WorkerProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The default network of a pod that names no subnet: one bridge per account on this node, so the
 * pods of one account reach each other and no other account's (Docker isolates bridges), where
 * before they all shared Docker's default bridge. Its block is a /{@code pod.worker.account-network-prefix}
 * (22: 1,021 pods) of {@code pod.worker.account-network-pool} (100.64.0.0/10: 4,096 accounts per node), chosen from a
 * digest of the account and probed past blocks already taken; the bridge is {@code pod-a<digest>}
 * ({@link PodFirewall} guards the node from it). Made when the account's first pod arrives, removed
 * when no container refers to it.
 */
@Component
public class AccountNetworks {

    private static final Logger log = LoggerFactory.getLogger(AccountNetworks.class);
    public static final String LABEL_ACCOUNT = "pod-service.account-network";

    private final DockerClient docker;
    private final WorkerProperties properties;
    private final Ipv4Cidr pool;
    private final int blockPrefix;
    private final NetworkLocks locks = new NetworkLocks();

    AccountNetworks(DockerClient docker, WorkerProperties properties) {
        this.docker = docker;
        this.properties = properties;
        this.blockPrefix = properties.getAccountNetworkPrefix();
        if (blockPrefix < 16 || blockPrefix > 28) {
            throw new IllegalStateException("pod.worker.account-network-prefix " + blockPrefix
                    + " is not between 16 and 28 (an account's block on a node)");
        }
        this.pool = Ipv4Cidr.parse(properties.getAccountNetworkPool()).filter(c -> c.prefixLength() <= blockPrefix)
                .orElseThrow(() -> new IllegalStateException("pod.worker.account-network-pool '"
                        + properties.getAccountNetworkPool() + "' is not a CIDR block of /" + blockPrefix + " or larger"));
    }

    static String digest(String accountId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(
                    String.valueOf(accountId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The account's network of this installation (two services on one daemon never share one). */
    String networkName(String accountId) {
        return "pod-account-" + digest(properties.getCluster() + "/" + accountId);
    }

    /** Runs {@code attach} with the account's network, made first if absent; never while it is being removed. */
    public <T> T joining(String accountId, BiFunction<String, Runnable, T> attach) {
        return locks.joining(networkName(accountId), () -> ensure(accountId), attach);
    }

    private void ensure(String accountId) {
        String name = networkName(accountId);
        if (docker.listNetworksCmd().withNameFilter(name).exec().stream().anyMatch(n -> n.getName().equals(name))) {
            return;
        }
        Set<String> taken = new HashSet<>();
        for (Network network : docker.listNetworksCmd().exec()) {
            if (network.getIpam() != null && network.getIpam().getConfig() != null) {
                network.getIpam().getConfig().forEach(c -> taken.add(c.getSubnet()));
            }
        }
        long blocks = 1L << (blockPrefix - pool.prefixLength());
        long blockSize = 1L << (32 - blockPrefix);
        long first = Long.parseLong(digest(properties.getCluster() + "/" + accountId), 16) % blocks;
        for (long i = 0; i < blocks; i++) {
            long block = (first + i) % blocks;
            String cidr = Ipv4Cidr.dotted(pool.network() + block * blockSize) + "/" + blockPrefix;
            if (taken.contains(cidr)) {
                continue;
            }
            Ipv4Cidr subnet = Ipv4Cidr.parse(cidr).orElseThrow();
            Map<String, String> labels = new HashMap<>(properties.getExtraLabels());
            labels.putAll(PodContainers.ownership(properties));
            labels.put(LABEL_ACCOUNT, digest(properties.getCluster() + "/" + accountId));
            try {
                docker.createNetworkCmd().withName(name).withDriver("bridge").withCheckDuplicate(true)
                        .withLabels(labels)
                        .withOptions(Map.of("com.docker.network.bridge.name", PodFirewall.BRIDGE_PREFIX + "a"
                                + digest(properties.getCluster() + "/" + accountId)))
                        .withIpam(new Network.Ipam().withConfig(new Network.Ipam.Config()
                                .withSubnet(cidr).withGateway(Ipv4Cidr.dotted(subnet.gateway()))))
                        .exec();
                log.info("made network {} ({}) for the pods of an account without a subnet", name, cidr);
                return;
            } catch (ConflictException made) {
                return; // another worker on this host (or another pod of the account) made it meanwhile
            } catch (DockerException overlapping) {
                log.debug("block {} is taken on this host: {}", cidr, overlapping.getMessage());
            }
        }
        throw new IllegalStateException("no free /" + blockPrefix + " left in pod.worker.account-network-pool " + pool);
    }

    /** Removes this service's account networks that no container refers to any more. */
    public void removeUnused() {
        locks.removeUnused(docker, java.util.stream.Stream.concat(java.util.stream.Stream.of(LABEL_ACCOUNT),
                PodContainers.ownershipFilter(properties).stream()).toList(), "account");
    }
}
