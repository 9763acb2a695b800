package io.podservice.command.pod;

import io.podservice.api.catalog.RegionCatalog;
import io.podservice.api.web.ApiException;
import io.podservice.command.configfile.ConfigFiles;
import io.podservice.command.network.PodNetworks;
import io.podservice.events.PodDefinition;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every reason a podSpec could not make a pod of the account now, by createPods' own rules (the
 * spec's form and the instance type's room, then each thing it names: the containers' secrets, the
 * subnet and security groups, the config files), without making or reserving anything. createPods
 * stops at the first; pod templates report them all.
 */
@Service
public class PodSpecProblems {

    private final PodSpecValidator validator;
    private final RegistryAuths registryAuths;
    private final PodNetworks networks;
    private final ConfigFiles configFiles;

    PodSpecProblems(PodSpecValidator validator, RegistryAuths registryAuths, PodNetworks networks,
                    ConfigFiles configFiles) {
        this.validator = validator;
        this.registryAuths = registryAuths;
        this.networks = networks;
        this.configFiles = configFiles;
    }

    /** The problems, each the error createPods would answer, in the spec's order; none when it can make pods. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<ApiException> of(RegionCatalog.Region region, String accountId, PodSpec spec) {
        List<ApiException> problems = new ArrayList<>();
        try {
            PodDefinition accepted = validator.accept(region, spec, spec.name(), 1, null, null);
            problems.addAll(configFiles.problems(accountId, region.id(), accepted.volumes()));
        } catch (ApiException e) {
            problems.add(e);
        }
        for (int i = 0; i < spec.containers().size(); i++) {
            ContainerSpec container = spec.containers().get(i);
            if (container != null && container.secret() != null) {
                String secret = container.secret();
                try {
                    registryAuths.of(accountId, region.id(), secret, "podSpec.containers[" + i + "].secret");
                } catch (ApiException e) {
                    problems.add(e);
                }
            }
        }
        if (spec.primaryNetworkInterface() != null) {
            PodSpec.NetworkInterfaceSpec ni = spec.primaryNetworkInterface().networkInterface();
            problems.addAll(networks.problems(accountId, region.id(), ni.subnetId(), ni.securityGroups()));
        }
        return problems;
    }
}
