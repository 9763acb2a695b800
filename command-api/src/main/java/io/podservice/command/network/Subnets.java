package io.podservice.command.network;

import io.podservice.api.catalog.QuotaLimits;
import io.podservice.api.network.Ipv4Cidr;
import io.podservice.api.web.ApiException;
import io.podservice.api.web.ErrorStatus;
import io.podservice.command.infrastructure.CommandSender;
import io.podservice.command.quota.Quotas;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Subnets: a block of their VPC that overlaps nothing ({@link AddressPlan}), deleted only when no pod uses them. */
@Service
public class Subnets {

    private final NetworkIndex index;
    private final AddressPlan addresses;
    private final Quotas quotas;
    private final CommandSender commands;

    Subnets(NetworkIndex index, AddressPlan addresses, Quotas quotas, CommandSender commands) {
        this.index = index;
        this.addresses = addresses;
        this.quotas = quotas;
        this.commands = commands;
    }

    /** @return the new subnet's id, or empty for a dry run (every check made, nothing created) */
    @Transactional
    public Optional<String> create(String accountId, String regionId, String vpcId, String name, String addressPrefix,
                                   String description, boolean dryRun) {
        index.lock("vpc:" + vpcId);
        NetworkIndex.Resource vpc = index.find(NetworkIndex.VPC, accountId, regionId, vpcId)
                .orElseThrow(() -> ApiException.notFound("Invalid vpcId: VPC '" + vpcId + "' not found in " + regionId));
        Ipv4Cidr cidr = addresses.subnetBlock(vpc, addressPrefix);
        quotas.requireRoom(accountId, regionId, QuotaLimits.SUBNET, 1);
        if (dryRun) {
            return Optional.empty();
        }
        String subnetId = NetworkIds.next("subnet");
        commands.send(new NetworkCommands.CreateSubnet(subnetId, accountId, regionId, vpc.id(), name, cidr.toString(),
                description, Instant.now(), index.nextVni()), "Subnet", subnetId);
        return Optional.of(subnetId);
    }

    @Transactional
    public void delete(String accountId, String regionId, String subnetId) {
        NetworkIndex.Resource subnet = index.require(NetworkIndex.SUBNET, "Subnet", accountId, regionId, subnetId);
        index.lock("vpc:" + subnet.vpcId());
        index.lock("subnet:" + subnetId);
        index.podInSubnet(subnetId).ifPresent(pod -> {
            throw new ApiException(ErrorStatus.FAILED_PRECONDITION, "Subnet '" + subnetId + "' is in use by pod '"
                    + pod + "'; delete its pods first");
        });
        commands.send(new NetworkCommands.DeleteSubnet(subnetId, accountId), "Subnet", subnetId);
    }
}
