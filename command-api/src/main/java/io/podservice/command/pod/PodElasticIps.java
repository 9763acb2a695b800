package io.podservice.command.pod;

import io.podservice.command.infrastructure.CommandSender;
import io.podservice.command.network.PodNetworks;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Binds and unbinds a pod's elastic IP: the network's checks, then the Pod aggregate's decision. */
@Component
class PodElasticIps {

    private final PodNetworks networks;
    private final CommandSender sender;

    PodElasticIps(PodNetworks networks, CommandSender sender) {
        this.networks = networks;
        this.sender = sender;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void associate(String accountId, String regionId, String podId, String elasticIpId) {
        PodNetworks.ElasticIpBinding binding = networks.bindingFor(accountId, regionId, podId, elasticIpId);
        sender.send(new PodCommands.AssociateElasticIp(podId, accountId, regionId, elasticIpId, binding.address(),
                binding.filtered(), binding.ingressRules()), "Pod", podId);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void disassociate(String accountId, String regionId, String podId, String elasticIpId) {
        networks.requireElasticIp(accountId, regionId, elasticIpId);
        sender.send(new PodCommands.DisassociateElasticIp(podId, accountId, elasticIpId), "Pod", podId);
    }
}
