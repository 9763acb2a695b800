package io.podservice.command.network;

import io.podservice.api.catalog.QuotaLimits;
import io.podservice.api.catalog.RegionCatalog;
import io.podservice.api.network.Ipv4Cidr;
import io.podservice.api.web.ApiException;
import io.podservice.api.web.ApiResponse;
import io.podservice.api.web.ErrorStatus;
import io.podservice.command.quota.Quotas;
import io.podservice.command.rest.CommandSender;
import io.podservice.events.PodSpecParts.SecurityGroupRule;
import io.podservice.identity.Caller;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The subset of JD Cloud's VPC API that pods depend on, under the same paths: VPCs, subnets,
 * security groups (with their rules) and elastic IPs; created within quotas, deleted only when
 * nothing uses them. Each request is one transaction holding the locks its checks need.
 */
@RestController
class NetworkCommandController {

    private static final String REGION = "/v1/regions/{regionId}";
    /** Chinese characters (the CJK Unified Ideographs block, as JD Cloud's console allows), letters, digits, - and _. */
    static final String NAME = "^[\\u4e00-\\u9fa5A-Za-z0-9_-]{1,32}$";
    /** A rule's priority when its request gives none: JD Cloud's lowest, 100. */
    static final int DEFAULT_RULE_PRIORITY = 100;
    static final String NAME_RULE = "must be 1 to 32 characters: Chinese characters, letters, digits, '_' or '-'";
    private static final List<Ipv4Cidr> PRIVATE_RANGES = List.of(Ipv4Cidr.parse("10.0.0.0/8").orElseThrow(),
            Ipv4Cidr.parse("172.16.0.0/12").orElseThrow(), Ipv4Cidr.parse("192.168.0.0/16").orElseThrow());

    private final CommandSender commands;
    private final RegionCatalog regions;
    private final NetworkIndex index;
    private final Quotas quotas;
    private final ElasticIps elasticIps;
    private final List<Ipv4Cidr> reserved;

    NetworkCommandController(CommandSender commands, RegionCatalog regions, NetworkIndex index, Quotas quotas,
                             ElasticIps elasticIps, NetworkProperties properties) {
        this.commands = commands;
        this.regions = regions;
        this.index = index;
        this.quotas = quotas;
        this.elasticIps = elasticIps;
        this.reserved = properties.getReservedCidrs().stream().map(c -> Ipv4Cidr.parse(c).orElseThrow(() ->
                new IllegalStateException("pod.network.reserved-cidrs: '" + c + "' is not a CIDR block"))).toList();
    }

    record CreateVpcRequest(@NotBlank(message = "is required") @Pattern(regexp = NAME, message = NAME_RULE) String vpcName,
                            String addressPrefix,
                            @Size(max = 256, message = "must be at most 256 characters") String description) {
    }

    record VpcCreatedResult(String vpcId) {
    }

    @Operation(operationId = "createVpc", summary = "Create a VPC")
    @PostMapping({REGION + "/vpcs", REGION + "/vpcs/"})
    @Transactional
    public ApiResponse<VpcCreatedResult> createVpc(@PathVariable String regionId,
                                                   @Valid @RequestBody CreateVpcRequest request) {
        regions.require(regionId);
        String accountId = Caller.current().accountId();
        String prefix = request.addressPrefix() == null || request.addressPrefix().isBlank() ? null
                : privateBlock("addressPrefix", request.addressPrefix()).toString();
        quotas.requireRoom(accountId, regionId, QuotaLimits.VPC, 1);
        String vpcId = NetworkIds.next("vpc");
        commands.send(new NetworkCommands.CreateVpc(vpcId, accountId, regionId, request.vpcName(), prefix,
                request.description(), Instant.now()), "VPC", vpcId);
        return ApiResponse.of(new VpcCreatedResult(vpcId));
    }

    @Operation(operationId = "deleteVpc", summary = "Delete a VPC that has no subnets and no security groups")
    @DeleteMapping(REGION + "/vpcs/{vpcId}")
    @Transactional
    public ApiResponse<Void> deleteVpc(@PathVariable String regionId, @PathVariable String vpcId) {
        regions.require(regionId);
        String accountId = Caller.current().accountId();
        index.lock("vpc:" + vpcId);
        require(NetworkIndex.VPC, "VPC", accountId, regionId, vpcId);
        List<String> inUse = new ArrayList<>(index.idsInVpc(NetworkIndex.SUBNET, vpcId));
        inUse.addAll(index.idsInVpc(NetworkIndex.SECURITY_GROUP, vpcId));
        if (!inUse.isEmpty()) {
            throw new ApiException(ErrorStatus.FAILED_PRECONDITION, "VPC '" + vpcId + "' still has " + inUse
                    + "; delete its subnets and security groups first");
        }
        commands.send(new NetworkCommands.DeleteVpc(vpcId, accountId), "VPC", vpcId);
        return ApiResponse.empty();
    }

    record CreateSubnetRequest(@NotBlank(message = "is required") @Pattern(regexp = NAME, message = NAME_RULE) String subnetName,
                               @NotBlank(message = "is required") String vpcId,
                               @NotBlank(message = "is required") String addressPrefix,
                               String routeTableId,
                               @Size(max = 256, message = "must be at most 256 characters") String description,
                               Boolean dryRun) {
    }

    record SubnetCreatedResult(String subnetId) {
    }

    @Operation(operationId = "createSubnet", summary = "Create a subnet of a VPC; its CIDR becomes a Docker network on the nodes")
    @PostMapping({REGION + "/subnets", REGION + "/subnets/"})
    @Transactional
    public ApiResponse<SubnetCreatedResult> createSubnet(@PathVariable String regionId,
                                                         @Valid @RequestBody CreateSubnetRequest request) {
        regions.require(regionId);
        String accountId = Caller.current().accountId();
        index.lock("vpc:" + request.vpcId());
        NetworkIndex.Resource vpc = index.find(NetworkIndex.VPC, accountId, regionId, request.vpcId())
                .orElseThrow(() -> ApiException.notFound("Invalid vpcId: VPC '" + request.vpcId() + "' not found in "
                        + regionId));
        Ipv4Cidr cidr = privateBlock("addressPrefix", request.addressPrefix());
        if (vpc.addressPrefix() != null && !Ipv4Cidr.parse(vpc.addressPrefix()).orElseThrow().contains(cidr)) {
            throw ApiException.invalidArgument("Invalid addressPrefix: " + cidr + " is not inside VPC '" + vpc.id()
                    + "' (" + vpc.addressPrefix() + ")");
        }
        for (Ipv4Cidr block : reserved) {
            if (block.overlaps(cidr)) {
                throw new ApiException(ErrorStatus.FAILED_PRECONDITION, "Invalid addressPrefix: " + cidr
                        + " overlaps " + block + ", which the nodes' Docker daemon uses (pod.network.reserved-cidrs)");
            }
        }
        // every subnet is a bridge on the nodes, and Docker refuses overlapping bridges: no two may overlap
        index.lock("subnets");
        for (NetworkIndex.Resource other : index.all(NetworkIndex.SUBNET)) {
            if (Ipv4Cidr.parse(other.addressPrefix()).orElseThrow().overlaps(cidr)) {
                throw new ApiException(ErrorStatus.FAILED_PRECONDITION, "Invalid addressPrefix: " + cidr + " overlaps "
                        + (other.vpcId().equals(vpc.id()) ? "subnet '" + other.id() + "' (" + other.addressPrefix()
                        + ") of the same VPC" : "another subnet on this service's nodes (" + other.addressPrefix()
                        + "); every subnet is a Docker network on the nodes, and those may not overlap"));
            }
        }
        quotas.requireRoom(accountId, regionId, QuotaLimits.SUBNET, 1);
        if (Boolean.TRUE.equals(request.dryRun())) {
            return ApiResponse.of(new SubnetCreatedResult(null)); // JD Cloud's dry run: every check, nothing made
        }
        String subnetId = NetworkIds.next("subnet");
        commands.send(new NetworkCommands.CreateSubnet(subnetId, accountId, regionId, vpc.id(), request.subnetName(),
                cidr.toString(), request.description(), Instant.now()), "Subnet", subnetId);
        return ApiResponse.of(new SubnetCreatedResult(subnetId));
    }

    @Operation(operationId = "deleteSubnet", summary = "Delete a subnet no pod uses")
    @DeleteMapping(REGION + "/subnets/{subnetId}")
    @Transactional
    public ApiResponse<Void> deleteSubnet(@PathVariable String regionId, @PathVariable String subnetId) {
        regions.require(regionId);
        String accountId = Caller.current().accountId();
        NetworkIndex.Resource subnet = require(NetworkIndex.SUBNET, "Subnet", accountId, regionId, subnetId);
        index.lock("vpc:" + subnet.vpcId());
        index.lock("subnet:" + subnetId);
        index.podInSubnet(subnetId).ifPresent(pod -> {
            throw new ApiException(ErrorStatus.FAILED_PRECONDITION, "Subnet '" + subnetId + "' is in use by pod '"
                    + pod + "'; delete its pods first");
        });
        commands.send(new NetworkCommands.DeleteSubnet(subnetId, accountId), "Subnet", subnetId);
        return ApiResponse.empty();
    }

    record CreateSecurityGroupRequest(
            @NotBlank(message = "is required") @Pattern(regexp = NAME, message = NAME_RULE) String networkSecurityGroupName,
            @NotBlank(message = "is required") String vpcId,
            @Size(max = 256, message = "must be at most 256 characters") String description) {
    }

    record SecurityGroupCreatedResult(String networkSecurityGroupId) {
    }

    @Operation(operationId = "createNetworkSecurityGroup", summary = "Create a security group in a VPC")
    @PostMapping({REGION + "/networkSecurityGroups", REGION + "/networkSecurityGroups/"})
    @Transactional
    public ApiResponse<SecurityGroupCreatedResult> createNetworkSecurityGroup(
            @PathVariable String regionId, @Valid @RequestBody CreateSecurityGroupRequest request) {
        regions.require(regionId);
        String accountId = Caller.current().accountId();
        index.lock("vpc:" + request.vpcId());
        index.find(NetworkIndex.VPC, accountId, regionId, request.vpcId()).orElseThrow(() -> ApiException.notFound(
                "Invalid vpcId: VPC '" + request.vpcId() + "' not found in " + regionId));
        quotas.requireRoom(accountId, regionId, QuotaLimits.SECURITY_GROUP, 1);
        String id = NetworkIds.next("sg");
        commands.send(new NetworkCommands.CreateSecurityGroup(id, accountId, regionId, request.vpcId(),
                request.networkSecurityGroupName(), request.description(), Instant.now()), "Security group", id);
        return ApiResponse.of(new SecurityGroupCreatedResult(id));
    }

    record RuleSpec(@NotNull(message = "is required") Integer protocol,
                    @NotNull(message = "is required") Integer direction,
                    @NotBlank(message = "is required") String addressPrefix,
                    Integer fromPort, Integer toPort,
                    @Size(max = 256, message = "must be at most 256 characters") String description,
                    @Pattern(regexp = "ALLOW|allow", message = "must be ALLOW: this service's security groups allow, "
                            + "they do not deny (traffic no rule allows is dropped)") String ruleAction,
                    @Min(value = 1, message = "must be between 1 and 100") @Max(value = 100, message = "must be between 1 and 100")
                    Integer priority,
                    @Pattern(regexp = "CIDR", message = "must be CIDR: prefix lists are not offered") String addressPrefixType) {
    }

    record RulesAddedResult(List<SecurityGroupRuleView> securityGroupRules) {
    }

    /** A rule as JD Cloud's SecurityGroupRule model shows it. */
    record SecurityGroupRuleView(String ruleId, int direction, int protocol, String addressPrefix, int ipVersion,
                                 int fromPort, int toPort, String description, String ruleAction, Integer priority,
                                 String addressPrefixType, String ruleType, Instant createdTime) {
        static SecurityGroupRuleView of(SecurityGroupRule rule, Instant createdTime) {
            return new SecurityGroupRuleView(rule.ruleId(), rule.direction(), rule.protocol(), rule.addressPrefix(), 4,
                    rule.fromPort(), rule.toPort(), rule.description(), "ALLOW", rule.priority(), "CIDR", "custom",
                    createdTime);
        }
    }

    record AddRulesRequest(@NotEmpty(message = "must list at least one rule")
                           List<@Valid RuleSpec> networkSecurityGroupRuleSpecs) {
    }

    @Operation(operationId = "addNetworkSecurityGroupRules", summary = "Add rules to a security group")
    @PostMapping(REGION + "/networkSecurityGroups/{networkSecurityGroupId}:addNetworkSecurityGroupRules")
    @Transactional
    public ApiResponse<RulesAddedResult> addNetworkSecurityGroupRules(@PathVariable String regionId,
                                                          @PathVariable String networkSecurityGroupId,
                                                          @Valid @RequestBody AddRulesRequest request) {
        regions.require(regionId);
        String accountId = Caller.current().accountId();
        require(NetworkIndex.SECURITY_GROUP, "Security group", accountId, regionId, networkSecurityGroupId);
        List<SecurityGroupRule> rules = new ArrayList<>();
        for (int i = 0; i < request.networkSecurityGroupRuleSpecs().size(); i++) {
            rules.add(rule("networkSecurityGroupRuleSpecs[" + i + "]", request.networkSecurityGroupRuleSpecs().get(i)));
        }
        List<SecurityGroupRule> added = commands.send(new NetworkCommands.AddSecurityGroupRules(networkSecurityGroupId,
                accountId, rules), "Security group", networkSecurityGroupId);
        Instant now = Instant.now();
        return ApiResponse.of(new RulesAddedResult(added.stream().map(r -> SecurityGroupRuleView.of(r, now)).toList()));
    }

    private static SecurityGroupRule rule(String path, RuleSpec spec) {
        if (spec.direction() != 0 && spec.direction() != 1) {
            throw ApiException.invalidArgument("Invalid " + path + ".direction: must be 0 (inbound) or 1 (outbound)");
        }
        if (!List.of(300, 6, 17, 1).contains(spec.protocol())) {
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

    @Operation(operationId = "deleteNetworkSecurityGroup", summary = "Delete a security group no pod belongs to")
    @DeleteMapping(REGION + "/networkSecurityGroups/{networkSecurityGroupId}")
    @Transactional
    public ApiResponse<Void> deleteNetworkSecurityGroup(@PathVariable String regionId,
                                                        @PathVariable String networkSecurityGroupId) {
        regions.require(regionId);
        String accountId = Caller.current().accountId();
        NetworkIndex.Resource group = require(NetworkIndex.SECURITY_GROUP, "Security group", accountId, regionId,
                networkSecurityGroupId);
        index.lock("vpc:" + group.vpcId());
        index.podInSecurityGroup(networkSecurityGroupId).ifPresent(pod -> {
            throw new ApiException(ErrorStatus.FAILED_PRECONDITION, "Security group '" + networkSecurityGroupId
                    + "' is in use by pod '" + pod + "'");
        });
        commands.send(new NetworkCommands.DeleteSecurityGroup(networkSecurityGroupId, accountId), "Security group",
                networkSecurityGroupId);
        return ApiResponse.empty();
    }

    record ElasticIpSpec(@NotNull(message = "is required")
                         @Min(value = 1, message = "must be between 1 and 100 Mbps")
                         @Max(value = 100, message = "must be between 1 and 100 Mbps") Integer bandwidthMbps,
                         @Pattern(regexp = "bgp|no_bgp", message = "must be bgp or no_bgp") String provider) {
    }

    record CreateElasticIpsRequest(@NotNull(message = "is required")
                                   @Min(value = 1, message = "must be between 1 and 100")
                                   @Max(value = 100, message = "must be between 1 and 100") Integer maxCount,
                                   String elasticIpAddress,
                                   @NotNull(message = "is required") @Valid ElasticIpSpec elasticIpSpec,
                                   @Pattern(regexp = NAME, message = NAME_RULE) String elasticIpName,
                                   Boolean dryRun) {
    }

    record ElasticIpsCreatedResult(List<String> elasticIpIds) {
    }

    @Operation(operationId = "createElasticIps", summary = "Allocate elastic IPs from the service's pool")
    @PostMapping({REGION + "/elasticIps", REGION + "/elasticIps/"})
    @Transactional
    public ApiResponse<ElasticIpsCreatedResult> createElasticIps(@PathVariable String regionId,
                                                                 @Valid @RequestBody CreateElasticIpsRequest request) {
        regions.require(regionId);
        String fixed = request.elasticIpAddress() == null || request.elasticIpAddress().isBlank() ? null
                : request.elasticIpAddress();
        if (fixed != null && request.maxCount() > 1) {
            throw ApiException.invalidArgument("Invalid elasticIpAddress: a fixed address needs maxCount 1, got "
                    + request.maxCount());
        }
        String provider = request.elasticIpSpec().provider() == null ? "bgp" : request.elasticIpSpec().provider();
        if (Boolean.TRUE.equals(request.dryRun())) {
            // JD Cloud's dry run: the checks (quota included), nothing allocated
            elasticIps.check(Caller.current().accountId(), regionId, request.maxCount(), fixed);
            return ApiResponse.of(new ElasticIpsCreatedResult(List.of()));
        }
        return ApiResponse.of(new ElasticIpsCreatedResult(elasticIps.create(Caller.current().accountId(), regionId,
                request.maxCount(), request.elasticIpSpec().bandwidthMbps(), provider, fixed, request.elasticIpName())));
    }

    @Operation(operationId = "deleteElasticIp", summary = "Release an elastic IP bound to no pod")
    @DeleteMapping(REGION + "/elasticIps/{elasticIpId}")
    @Transactional
    public ApiResponse<Void> deleteElasticIp(@PathVariable String regionId, @PathVariable String elasticIpId) {
        regions.require(regionId);
        elasticIps.delete(Caller.current().accountId(), regionId, elasticIpId);
        return ApiResponse.empty();
    }

    private NetworkIndex.Resource require(String kind, String label, String accountId, String regionId, String id) {
        return index.find(kind, accountId, regionId, id)
                .orElseThrow(() -> ApiException.notFound(label + " '" + id + "' not found in " + regionId));
    }

    /** A CIDR inside 10/8, 172.16/12 or 192.168/16 with a mask of 16 to 28 bits, or INVALID_ARGUMENT naming the field. */
    private static Ipv4Cidr privateBlock(String field, String text) {
        Ipv4Cidr cidr = Ipv4Cidr.parse(text).orElseThrow(() -> ApiException.invalidArgument("Invalid " + field + ": '"
                + text + "' is not a CIDR block (a.b.c.d/n with the host bits zero)"));
        if (cidr.prefixLength() < 16 || cidr.prefixLength() > 28) {
            throw ApiException.invalidArgument("Invalid " + field + ": the mask must be 16 to 28 bits, got /"
                    + cidr.prefixLength());
        }
        if (PRIVATE_RANGES.stream().noneMatch(range -> range.contains(cidr))) {
            throw ApiException.invalidArgument("Invalid " + field + ": " + cidr + " must lie in 10.0.0.0/8, "
                    + "172.16.0.0/12 or 192.168.0.0/16");
        }
        return cidr;
    }
}
