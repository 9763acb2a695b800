package io.podservice.command.pod;

import io.podservice.command.account.AccountRules;
import io.podservice.command.account.OperationProtection;
import io.podservice.command.infrastructure.CommandSender;
import io.podservice.command.network.ElasticIps;
import io.podservice.command.network.PodNetworks;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The operations on an existing pod, each on behalf of {@code accountId}: the Pod aggregate decides
 * (another account's pod answers like a missing one), and what crosses aggregates (an elastic IP's
 * binding and release, a secret's credentials) is done here in the same transaction.
 */
@Service
public class PodChanges {

    private final CommandSender sender;
    private final PodSpecValidator validator;
    private final RegistryAuths registryAuths;
    private final PodNetworks networks;
    private final PodElasticIps podElasticIps;
    private final ElasticIps elasticIps;
    private final AccountRules accountRules;
    private final OperationProtection protection;
    private final io.podservice.api.catalog.InstanceTypeCatalog instanceTypes;
    private final io.podservice.command.account.PrepaidPods payments;

    PodChanges(CommandSender sender, PodSpecValidator validator, RegistryAuths registryAuths, PodNetworks networks,
               PodElasticIps podElasticIps, ElasticIps elasticIps, AccountRules accountRules,
               OperationProtection protection, io.podservice.api.catalog.InstanceTypeCatalog instanceTypes,
               io.podservice.command.account.PrepaidPods payments) {
        this.instanceTypes = instanceTypes;
        this.payments = payments;
        this.accountRules = accountRules;
        this.protection = protection;
        this.sender = sender;
        this.validator = validator;
        this.registryAuths = registryAuths;
        this.networks = networks;
        this.podElasticIps = podElasticIps;
        this.elasticIps = elasticIps;
    }

    public void stop(String accountId, String podId) {
        send(new PodCommands.StopPod(podId, accountId), podId);
    }

    public void start(String accountId, String podId) {
        accountRules.requireStartable(accountId, podId);
        send(new PodCommands.StartPod(podId, accountId), podId);
    }

    /**
     * The pod gives up its elastic IP as it starts deleting; with {@code releaseElasticIp} (JD Cloud's
     * deletePrimaryNetworkInterfaceAllElasticIp, false by default) that elastic IP is released too.
     */
    @Transactional
    public void delete(String accountId, String podId, boolean releaseElasticIp, String securityToken) {
        protection.require(accountId, "deletePod", podId, securityToken);
        accountRules.requireDeletable(accountId, podId);
        Optional<String> elasticIp = networks.elasticIpOf(podId);
        send(new PodCommands.DeletePod(podId, accountId, releaseElasticIp), podId);
        if (releaseElasticIp && elasticIp.isPresent()) {
            elasticIps.release(accountId, elasticIp.get());
        }
    }

    @Transactional
    public void associateElasticIp(String accountId, String regionId, String podId, String elasticIpId) {
        accountRules.requireNotBlacklisted(accountId);
        podElasticIps.associate(accountId, regionId, podId, elasticIpId);
    }

    @Transactional
    public void disassociateElasticIp(String accountId, String regionId, String podId, String elasticIpId,
                                      String securityToken) {
        protection.require(accountId, "disassociateElasticIp", podId, securityToken);
        podElasticIps.disassociate(accountId, regionId, podId, elasticIpId);
    }

    /** rebuildPod: the named containers' new images and settings, their secrets resolved. */
    public void rebuild(String accountId, String regionId, String podId, List<RebuildContainerSpec> containers) {
        List<PodCommands.ContainerReplacement> replacements = new ArrayList<>();
        List<PodCommands.ContainerReplacement> given = validator.replacements(containers);
        for (int i = 0; i < given.size(); i++) {
            PodCommands.ContainerReplacement r = given.get(i);
            replacements.add(r.secret() == null ? r : r.withRegistryAuth(
                    registryAuths.of(accountId, regionId, r.secret(), "containers[" + i + "].secret")));
        }
        send(new PodCommands.RebuildPod(podId, accountId, replacements), podId);
    }

    /**
     * resizePod: the Pod aggregate decides (stopped, another type, resources within it, room on its
     * node); a prepaid pod's period is settled at the new price in the same transaction, so a balance
     * that cannot pay the difference leaves the pod as it was.
     */
    @Transactional
    public void resize(String accountId, String podId, String instanceType,
                       List<PodCommands.ContainerResources> containerResources) {
        if (instanceType == null || instanceType.isBlank()) {
            throw io.podservice.api.web.ApiException.invalidArgument("Invalid instanceType: is required");
        }
        io.podservice.api.catalog.InstanceTypeCatalog.InstanceType type = instanceTypes.require("instanceType",
                instanceType);
        String from = sender.send(new PodCommands.ResizePod(podId, accountId, type, containerResources), "Pod", podId);
        payments.resize(accountId, podId, from, type.instanceType());
    }

    public void modifyAttributes(String accountId, String podId, String name, String description) {
        send(new PodCommands.ModifyPodAttribute(podId, accountId, name, description), podId);
    }

    private void send(Object command, String podId) {
        sender.send(command, "Pod", podId);
    }
}
