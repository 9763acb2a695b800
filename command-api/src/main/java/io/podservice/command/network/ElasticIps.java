package io.podservice.command.network;

import io.podservice.api.catalog.QuotaLimits;
import io.podservice.api.network.Ipv4Cidr;
import io.podservice.api.web.ApiException;
import io.podservice.api.web.ErrorStatus;
import io.podservice.command.quota.Quotas;
import io.podservice.command.infrastructure.CommandSender;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Elastic IPs: addresses taken from the configured pool ({@code pod.network.elastic-ip-pool})
 * under a lock on the pool, within the account's elasticIp quota; released only when unbound.
 */
@Component
public class ElasticIps {

    private final NetworkIndex index;
    private final CommandSender commands;
    private final Quotas quotas;
    private final Ipv4Cidr pool;

    ElasticIps(NetworkIndex index, CommandSender commands, Quotas quotas, NetworkProperties properties) {
        this.index = index;
        this.commands = commands;
        this.quotas = quotas;
        this.pool = Ipv4Cidr.parse(properties.getElasticIpPool()).orElseThrow(() -> new IllegalStateException(
                "pod.network.elastic-ip-pool '" + properties.getElasticIpPool() + "' is not a CIDR block"));
    }

    /**
     * createElasticIps: {@code count} elastic IPs (all or none), at {@code fixedAddress} when one is
     * given (then only one); a dry run makes every check, the quota's included, and allocates nothing.
     */
    @Transactional
    public List<String> allocate(String accountId, String regionId, int count, int bandwidthMbps, String provider,
                                 String fixedAddress, String name, boolean dryRun) {
        String fixed = fixedAddress == null || fixedAddress.isBlank() ? null : fixedAddress;
        if (fixed != null && count > 1) {
            throw io.podservice.api.web.ApiException.invalidArgument("Invalid elasticIpAddress: a fixed address needs "
                    + "maxCount 1, got " + count);
        }
        if (dryRun) {
            check(accountId, regionId, count, fixed);
            return List.of();
        }
        return create(accountId, regionId, count, bandwidthMbps, provider == null ? "bgp" : provider, fixed, name);
    }

    /** Creates {@code count} elastic IPs (all or none); {@code fixedAddress} only with a count of 1. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<String> create(String accountId, String regionId, int count, int bandwidthMbps, String provider,
                               String fixedAddress, String name) {
        List<Long> addresses = check(accountId, regionId, count, fixedAddress);
        List<String> ids = new ArrayList<>();
        Instant now = Instant.now();
        for (long address : addresses) {
            String id = NetworkIds.next("fip");
            commands.send(new NetworkCommands.CreateElasticIp(id, accountId, regionId, Ipv4Cidr.dotted(address),
                    bandwidthMbps, provider, now, name), "Elastic IP", id);
            ids.add(id);
        }
        return ids;
    }

    /**
     * The addresses {@code count} new elastic IPs would get, after every check of their creation
     * (quota, the pool, a fixed address): what a dry run answers from, and what create allocates.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Long> check(String accountId, String regionId, int count, String fixedAddress) {
        quotas.requireRoom(accountId, regionId, QuotaLimits.ELASTIC_IP, count);
        index.lock("elastic-ip-pool");
        Set<Long> taken = new HashSet<>();
        index.all(NetworkIndex.ELASTIC_IP).forEach(e -> Ipv4Cidr.address(e.address()).ifPresent(taken::add));
        List<Long> addresses = new ArrayList<>();
        if (fixedAddress != null) {
            long address = Ipv4Cidr.address(fixedAddress).filter(pool::contains).filter(a -> a != pool.network()
                    && a != pool.broadcast()).orElseThrow(() -> ApiException.invalidArgument("Invalid elasticIpAddress: "
                    + fixedAddress + " is not an address of this service's elastic IP pool (" + pool + ")"));
            if (taken.contains(address)) {
                throw new ApiException(ErrorStatus.FAILED_PRECONDITION, "Invalid elasticIpAddress: " + fixedAddress
                        + " is already allocated");
            }
            addresses.add(address);
        } else {
            for (long a = pool.network() + 1; a < pool.broadcast() && addresses.size() < count; a++) {
                if (!taken.contains(a)) {
                    addresses.add(a);
                }
            }
            if (addresses.size() < count) {
                throw new ApiException(ErrorStatus.UNAVAILABLE, "The elastic IP pool (" + pool + ") has "
                        + addresses.size() + " free addresses and " + count + " were asked for");
            }
        }
        return addresses;
    }

    /** Releases the caller's unbound elastic IP in whichever region it is (deletePod releasing its pod's). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void release(String accountId, String elasticIpId) {
        String regionId = index.regionOf(elasticIpId).orElseThrow(() ->
                ApiException.notFound("Elastic IP '" + elasticIpId + "' not found"));
        delete(accountId, regionId, elasticIpId);
    }

    /** Releases an unbound elastic IP; one bound to a pod is FAILED_PRECONDITION naming the pod. */
    @Transactional
    public void delete(String accountId, String regionId, String elasticIpId) {
        index.lock("elastic-ip:" + elasticIpId);
        index.find(NetworkIndex.ELASTIC_IP, accountId, regionId, elasticIpId)
                .orElseThrow(() -> ApiException.notFound("Elastic IP '" + elasticIpId + "' not found in " + regionId));
        index.podOfElasticIp(elasticIpId).ifPresent(pod -> {
            throw new ApiException(ErrorStatus.FAILED_PRECONDITION, "Elastic IP '" + elasticIpId
                    + "' is associated with pod '" + pod + "'; disassociate it first");
        });
        commands.send(new NetworkCommands.DeleteElasticIp(elasticIpId, accountId), "Elastic IP", elasticIpId);
    }
}
