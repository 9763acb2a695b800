package io.podservice.command.network;

import io.podservice.api.network.Ipv4Cidr;
import io.podservice.api.web.ApiException;
import io.podservice.api.web.ErrorStatus;
import io.podservice.events.PodSpecParts.NetworkInterface;
import io.podservice.events.PodSpecParts.SecurityGroupRule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pods' network interfaces and elastic IPs: the subnet and security groups a podSpec names are
 * checked, private addresses are assigned by the service (never by Docker, so the model always
 * knows them), and what binding an elastic IP takes is worked out. Runs inside the caller's transaction, whose
 * locks hold until the pods' events are stored.
 */
@Component
public class PodNetworks {

    static final String FIELD = "podSpec.primaryNetworkInterface.networkInterface";
    private static final int MAX_SECURITY_GROUPS = 5;

    private final NetworkIndex index;

    PodNetworks(NetworkIndex index) {
        this.index = index;
    }

    /** The primary interface a podSpec asks for. */
    public record Request(String subnetId, String primaryIpAddress, List<String> securityGroups,
                          String networkInterfaceName, String description, boolean autoDelete) {
    }

    /** One interface per pod, each with its own address in the subnet; every rule answered with the field's path. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<NetworkInterface> assign(String accountId, String regionId, Request request, int count) {
        NetworkIndex.Resource found = subnet(accountId, regionId, request.subnetId());
        // the locks deleteSubnet and deleteNetworkSecurityGroup take, in their order; then read again
        index.lock("vpc:" + found.vpcId());
        index.lock("subnet:" + found.id());
        NetworkIndex.Resource subnet = subnet(accountId, regionId, request.subnetId());
        List<String> groups = securityGroups(accountId, regionId, subnet, request.securityGroups());
        Ipv4Cidr cidr = Ipv4Cidr.parse(subnet.addressPrefix()).orElseThrow();
        Set<Long> used = new HashSet<>();
        index.addressesIn(subnet.id()).forEach(ip -> Ipv4Cidr.address(ip).ifPresent(used::add));
        List<Long> addresses = new ArrayList<>();
        if (request.primaryIpAddress() != null) {
            long address = Ipv4Cidr.address(request.primaryIpAddress()).orElseThrow(() -> ApiException.invalidArgument(
                    "Invalid " + FIELD + ".primaryIpAddress: must be an IPv4 address"));
            if (!cidr.contains(address)) {
                throw ApiException.invalidArgument("Invalid " + FIELD + ".primaryIpAddress: " + request.primaryIpAddress()
                        + " is outside subnet " + subnet.id() + " (" + cidr + ")");
            }
            if (!cidr.assignable(address)) {
                throw ApiException.invalidArgument("Invalid " + FIELD + ".primaryIpAddress: " + request.primaryIpAddress()
                        + " is reserved in " + cidr + " (network, gateway, DHCP and broadcast addresses); pods get "
                        + Ipv4Cidr.dotted(cidr.firstAssignable()) + " to " + Ipv4Cidr.dotted(cidr.lastAssignable()));
            }
            if (used.contains(address)) {
                throw new ApiException(ErrorStatus.FAILED_PRECONDITION, "Invalid " + FIELD + ".primaryIpAddress: "
                        + request.primaryIpAddress() + " is in use by pod '" + index.holderOf(subnet.id(),
                        request.primaryIpAddress()).orElse("?") + "'");
            }
            addresses.add(address);
        } else {
            for (long a = cidr.firstAssignable(); a <= cidr.lastAssignable() && addresses.size() < count; a++) {
                if (!used.contains(a)) {
                    addresses.add(a);
                }
            }
            if (addresses.size() < count) {
                throw new ApiException(ErrorStatus.FAILED_PRECONDITION, "Subnet '" + subnet.id() + "' (" + cidr
                        + ") has " + addresses.size() + " free addresses and " + count + " pods were asked for");
            }
        }
        return addresses.stream().map(a -> new NetworkInterface(subnet.vpcId(), subnet.id(), cidr.toString(),
                Ipv4Cidr.dotted(a), groups, request.networkInterfaceName(), request.description(), request.autoDelete(),
                subnet.vni()))
                .toList();
    }

    /**
     * Every reason the subnet and security groups could not take a pod now (none when they can), each
     * the error createPods would answer; nothing is locked or assigned.
     */
    public List<ApiException> problems(String accountId, String regionId, String subnetId, List<String> securityGroups) {
        List<ApiException> problems = new ArrayList<>();
        NetworkIndex.Resource subnet = index.find(NetworkIndex.SUBNET, accountId, regionId, subnetId).orElse(null);
        if (subnet == null) {
            problems.add(subnetNotFound(regionId, subnetId));
        }
        List<String> groups = securityGroups == null ? List.of() : securityGroups;
        for (int i = 0; i < groups.size(); i++) {
            try {
                securityGroup(accountId, regionId, subnet, groups.get(i), i);
            } catch (ApiException e) {
                problems.add(e);
            }
        }
        return problems;
    }

    /** The VPC of the caller's subnet, or NOT_FOUND as createPods answers it. */
    public String vpcOf(String accountId, String regionId, String subnetId) {
        return subnet(accountId, regionId, subnetId).vpcId();
    }

    private NetworkIndex.Resource subnet(String accountId, String regionId, String subnetId) {
        return index.find(NetworkIndex.SUBNET, accountId, regionId, subnetId)
                .orElseThrow(() -> subnetNotFound(regionId, subnetId));
    }

    private static ApiException subnetNotFound(String regionId, String subnetId) {
        return ApiException.notFound("Invalid " + FIELD + ".subnetId: subnet '" + subnetId + "' not found in "
                + regionId);
    }

    private List<String> securityGroups(String accountId, String regionId, NetworkIndex.Resource subnet,
                                        List<String> requested) {
        if (requested == null) {
            return List.of();
        }
        Set<String> groups = new LinkedHashSet<>(requested);
        if (groups.size() > MAX_SECURITY_GROUPS) {
            throw ApiException.invalidArgument("Invalid " + FIELD + ".securityGroups: at most " + MAX_SECURITY_GROUPS
                    + " security groups, got " + groups.size());
        }
        for (int i = 0; i < requested.size(); i++) {
            securityGroup(accountId, regionId, subnet, requested.get(i), i);
        }
        return List.copyOf(groups);
    }

    /** The security group {@code id} exists and is in the subnet's VPC (when there is a subnet to compare). */
    private void securityGroup(String accountId, String regionId, NetworkIndex.Resource subnet, String id, int i) {
        NetworkIndex.Resource group = index.find(NetworkIndex.SECURITY_GROUP, accountId, regionId, id)
                .orElseThrow(() -> ApiException.notFound("Invalid " + FIELD + ".securityGroups[" + i
                        + "]: security group '" + id + "' not found in " + regionId));
        if (subnet != null && !group.vpcId().equals(subnet.vpcId())) {
            throw ApiException.invalidArgument("Invalid " + FIELD + ".securityGroups[" + i + "]: security group '"
                    + id + "' is in VPC '" + group.vpcId() + "', and the subnet '" + subnet.id() + "' is in VPC '"
                    + subnet.vpcId() + "'; they must be in the same VPC");
        }
    }

    /**
     * What binding the caller's elastic IP to the pod takes: FAILED_PRECONDITION when it is bound to
     * another pod; the pod's security groups' ingress rules filter what it lets in. (The Pod aggregate
     * says whether the pod can take it: one at most, and only with a primary interface.)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public ElasticIpBinding bindingFor(String accountId, String regionId, String podId, String elasticIpId) {
        index.lock("elastic-ip:" + elasticIpId);
        NetworkIndex.Resource eip = requireElasticIp(accountId, regionId, elasticIpId);
        index.podOfElasticIp(elasticIpId).ifPresent(holder -> {
            throw new ApiException(ErrorStatus.FAILED_PRECONDITION, "Elastic IP '" + elasticIpId + "' ("
                    + eip.address() + ") is associated with pod '" + holder + "'; disassociate it there first");
        });
        List<String> groups = index.nicOf(podId).map(NetworkIndex.PodNic::securityGroupIds).orElse(List.of());
        List<SecurityGroupRule> ingress = new ArrayList<>();
        for (String group : groups) {
            index.find(NetworkIndex.SECURITY_GROUP, accountId, regionId, group).ifPresent(g ->
                    g.rules().stream().filter(r -> r.direction() == 0).forEach(ingress::add));
        }
        return new ElasticIpBinding(elasticIpId, eip.address(), !groups.isEmpty(), ingress);
    }

    /** An elastic IP bound to a pod, with the ingress rules in force ({@code filtered} false: the pod has no group). */
    public record ElasticIpBinding(String elasticIpId, String address, boolean filtered,
                                   List<SecurityGroupRule> ingressRules) {
    }

    /** The caller's elastic IP in the region, or NOT_FOUND. */
    public NetworkIndex.Resource requireElasticIp(String accountId, String regionId, String elasticIpId) {
        return index.find(NetworkIndex.ELASTIC_IP, accountId, regionId, elasticIpId)
                .orElseThrow(() -> ApiException.notFound("Elastic IP '" + elasticIpId + "' not found in " + regionId));
    }

    /** The elastic IP bound to the pod, if any. */
    public java.util.Optional<String> elasticIpOf(String podId) {
        return index.nicOf(podId).map(NetworkIndex.PodNic::elasticIpId);
    }
}
