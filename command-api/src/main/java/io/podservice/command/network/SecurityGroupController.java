package io.podservice.command.network;

import static io.podservice.command.network.NetworkNames.REGION;

import io.podservice.api.catalog.RegionCatalog;
import io.podservice.api.web.ApiResponse;
import io.podservice.events.PodSpecParts.SecurityGroupRule;
import io.podservice.identity.Caller;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** createNetworkSecurityGroup, addNetworkSecurityGroupRules and deleteNetworkSecurityGroup. */
@RestController
class SecurityGroupController {

    private static final String GROUPS = REGION + "/networkSecurityGroups";

    private final RegionCatalog regions;
    private final SecurityGroups groups;

    SecurityGroupController(RegionCatalog regions, SecurityGroups groups) {
        this.regions = regions;
        this.groups = groups;
    }

    record CreateSecurityGroupRequest(
            @NotBlank(message = "is required")
            @Pattern(regexp = NetworkNames.PATTERN, message = NetworkNames.RULE) String networkSecurityGroupName,
            @NotBlank(message = "is required") String vpcId,
            @Size(max = 256, message = "must be at most 256 characters") String description) {
    }

    record SecurityGroupCreatedResult(String networkSecurityGroupId) {
    }

    @Operation(operationId = "createNetworkSecurityGroup", summary = "Create a security group in a VPC")
    @PostMapping({GROUPS, GROUPS + "/"})
    ApiResponse<SecurityGroupCreatedResult> createNetworkSecurityGroup(
            @PathVariable String regionId, @Valid @RequestBody CreateSecurityGroupRequest request) {
        regions.require(regionId);
        return ApiResponse.of(new SecurityGroupCreatedResult(groups.create(Caller.current().accountId(), regionId,
                request.vpcId(), request.networkSecurityGroupName(), request.description())));
    }

    record AddRulesRequest(@NotEmpty(message = "must list at least one rule")
                           List<@Valid SecurityGroupRuleSpec> networkSecurityGroupRuleSpecs) {
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

    @Operation(operationId = "addNetworkSecurityGroupRules", summary = "Add rules to a security group")
    @PostMapping(GROUPS + "/{networkSecurityGroupId}:addNetworkSecurityGroupRules")
    ApiResponse<RulesAddedResult> addNetworkSecurityGroupRules(@PathVariable String regionId,
                                                               @PathVariable String networkSecurityGroupId,
                                                               @Valid @RequestBody AddRulesRequest request) {
        regions.require(regionId);
        List<SecurityGroupRule> added = groups.addRules(Caller.current().accountId(), regionId, networkSecurityGroupId,
                request.networkSecurityGroupRuleSpecs());
        Instant now = Instant.now();
        return ApiResponse.of(new RulesAddedResult(added.stream().map(r -> SecurityGroupRuleView.of(r, now)).toList()));
    }

    @Operation(operationId = "deleteNetworkSecurityGroup", summary = "Delete a security group no pod belongs to")
    @DeleteMapping(GROUPS + "/{networkSecurityGroupId}")
    ApiResponse<Void> deleteNetworkSecurityGroup(@PathVariable String regionId,
                                                 @PathVariable String networkSecurityGroupId) {
        regions.require(regionId);
        groups.delete(Caller.current().accountId(), regionId, networkSecurityGroupId);
        return ApiResponse.empty();
    }
}
