package io.podservice.command.network;

import io.podservice.api.catalog.QuotaLimits;
import io.podservice.api.network.Ipv4Cidr;
import io.podservice.api.web.ApiException;
import io.podservice.api.web.ErrorStatus;
import io.podservice.command.infrastructure.CommandSender;
import io.podservice.command.quota.Quotas;
import io.podservice.events.PodSpecParts.SecurityGroupRule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Security groups: made in a VPC of the caller's within the quota; rules that only allow, each
 * checked field by field (directions, protocols, CIDR prefixes, port ranges); deleted only when no
 * pod belongs to them.
 */
@Service
public class SecurityGroups {

    /** A rule's priority when its request gives none: JD Cloud's lowest, 100. */
    static final int DEFAULT_RULE_PRIORITY = 100;
    private static final List<Integer> PROTOCOLS = List.of(300, 6, 17, 1);

    private final NetworkIndex index;
    private final Quotas quotas;
    private final CommandSender commands;

    SecurityGroups(NetworkIndex index, Quotas quotas, CommandSender commands) {
        this.index = index;
        this.quotas = quotas;
        this.commands = commands;
    }

    /** @return the new group's id */
    @Transactional
    public String create(String accountId, String regionId, String vpcId, String name, String description) {
        index.lock("vpc:" + vpcId);
        index.find(NetworkIndex.VPC, accountId, regionId, vpcId).orElseThrow(() -> ApiException.notFound(
                "Invalid vpcId: VPC '" + vpcId + "' not found in " + regionId));
        quotas.requireRoom(accountId, regionId, QuotaLimits.SECURITY_GROUP, 1);
        String id = NetworkIds.next("sg");
        commands.send(new NetworkCommands.CreateSecurityGroup(id, accountId, regionId, vpcId, name, description,
                Instant.now()), "Security group", id);
        return id;
    }

    /** @return the rules added, with their ids */
    @Transactional
    public List<SecurityGroupRule> addRules(String accountId, String regionId, String groupId,
                                            List<SecurityGroupRuleSpec> specs) {
        index.require(NetworkIndex.SECURITY_GROUP, "Security group", accountId, regionId, groupId);
        List<SecurityGroupRule> rules = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            rules.add(rule("networkSecurityGroupRuleSpecs[" + i + "]", specs.get(i)));
        }
        return commands.send(new NetworkCommands.AddSecurityGroupRules(groupId, accountId, rules), "Security group",
                groupId);
    }

    @Transactional
    public void delete(String accountId, String regionId, String groupId) {
        NetworkIndex.Resource group = index.require(NetworkIndex.SECURITY_GROUP, "Security group", accountId, regionId,
                groupId);
        index.lock("vpc:" + group.vpcId());
        index.podInSecurityGroup(groupId).ifPresent(pod -> {
            throw new ApiException(ErrorStatus.FAILED_PRECONDITION, "Security group '" + groupId
                    + "' is in use by pod '" + pod + "'");
        });
        commands.send(new NetworkCommands.DeleteSecurityGroup(groupId, accountId), "Security group", groupId);
    }

    private static SecurityGroupRule rule(String path, SecurityGroupRuleSpec spec) {
        if (spec.direction() != 0 && spec.direction() != 1) {
            throw ApiException.invalidArgument("Invalid " + path + ".direction: must be 0 (inbound) or 1 (outbound)");
        }
        if (!PROTOCOLS.contains(spec.protocol())) {
            throw ApiException.invalidArgument("Invalid " + path + ".protocol: must be 300 (all), 6 (TCP), 17 (UDP) "
                    + "or 1 (ICMP)");
        }
        Ipv4Cidr prefix = Ipv4Cidr.parse(spec.addressPrefix()).orElseThrow(() -> ApiException.invalidArgument(
                "Invalid " + path + ".addressPrefix: must be an IPv4 CIDR block such as 0.0.0.0/0"));
        boolean ports = spec.protocol() == 6 || spec.protocol() == 17;
        int from = ports ? (spec.fromPort() == null ? 1 : spec.fromPort()) : 0;
        int to = ports ? (spec.toPort() == null ? 65535 : spec.toPort()) : 0;
        if (ports && (from < 1 || from > 65535 || to < 1 || to > 65535 || from > to)) {
            throw ApiException.invalidArgument("Invalid " + path + ".fromPort/toPort: ports must be in [1, 65535] with "
                    + "fromPort <= toPort, got " + from + "-" + to);
        }
        return new SecurityGroupRule(null, spec.direction(), spec.protocol(), prefix.toString(), from, to,
                spec.description(), spec.priority() == null ? DEFAULT_RULE_PRIORITY : spec.priority());
    }
}
