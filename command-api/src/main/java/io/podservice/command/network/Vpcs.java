package io.podservice.command.network;

import io.podservice.api.catalog.QuotaLimits;
import io.podservice.api.web.ApiException;
import io.podservice.api.web.ErrorStatus;
import io.podservice.command.infrastructure.CommandSender;
import io.podservice.command.quota.Quotas;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** VPCs: made within the quota with a private block (or none), deleted only when empty. */
@Service
public class Vpcs {

    private final NetworkIndex index;
    private final AddressPlan addresses;
    private final Quotas quotas;
    private final CommandSender commands;

    Vpcs(NetworkIndex index, AddressPlan addresses, Quotas quotas, CommandSender commands) {
        this.index = index;
        this.addresses = addresses;
        this.quotas = quotas;
        this.commands = commands;
    }

    /** @return the new VPC's id */
    @Transactional
    public String create(String accountId, String regionId, String name, String addressPrefix, String description) {
        String prefix = addressPrefix == null || addressPrefix.isBlank() ? null
                : addresses.privateBlock("addressPrefix", addressPrefix).toString();
        quotas.requireRoom(accountId, regionId, QuotaLimits.VPC, 1);
        String vpcId = NetworkIds.next("vpc");
        commands.send(new NetworkCommands.CreateVpc(vpcId, accountId, regionId, name, prefix, description,
                Instant.now()), "VPC", vpcId);
        return vpcId;
    }

    @Transactional
    public void delete(String accountId, String regionId, String vpcId) {
        index.lock("vpc:" + vpcId);
        index.require(NetworkIndex.VPC, "VPC", accountId, regionId, vpcId);
        List<String> inUse = new ArrayList<>(index.idsInVpc(NetworkIndex.SUBNET, vpcId));
        inUse.addAll(index.idsInVpc(NetworkIndex.SECURITY_GROUP, vpcId));
        if (!inUse.isEmpty()) {
            throw new ApiException(ErrorStatus.FAILED_PRECONDITION, "VPC '" + vpcId + "' still has " + inUse
                    + "; delete its subnets and security groups first");
        }
        commands.send(new NetworkCommands.DeleteVpc(vpcId, accountId), "VPC", vpcId);
    }
}
