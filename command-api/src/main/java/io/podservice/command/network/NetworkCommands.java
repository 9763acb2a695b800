package io.podservice.command.network;

import io.podservice.events.PodSpecParts.SecurityGroupRule;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The commands of the network aggregates. The REST layer has validated them against the index
 * (existence, ownership, CIDRs, use) under the locks of its transaction; each aggregate still
 * refuses a command from another account.
 */
public final class NetworkCommands {

    private NetworkCommands() {
    }

    public record CreateVpc(@TargetAggregateIdentifier String vpcId, String accountId, String regionId, String vpcName,
                            String addressPrefix, String description, Instant requestedAt) {
    }

    public record DeleteVpc(@TargetAggregateIdentifier String vpcId, String accountId) {
    }

    public record CreateSubnet(@TargetAggregateIdentifier String subnetId, String accountId, String regionId,
                               String vpcId, String subnetName, String addressPrefix, String description,
                               Instant requestedAt, int vni) {
    }

    public record DeleteSubnet(@TargetAggregateIdentifier String subnetId, String accountId) {
    }

    public record CreateSecurityGroup(@TargetAggregateIdentifier String networkSecurityGroupId, String accountId,
                                      String regionId, String vpcId, String networkSecurityGroupName,
                                      String description, Instant requestedAt) {
    }

    public record AddSecurityGroupRules(@TargetAggregateIdentifier String networkSecurityGroupId, String accountId,
                                        List<SecurityGroupRule> rules) {
    }

    public record DeleteSecurityGroup(@TargetAggregateIdentifier String networkSecurityGroupId, String accountId) {
    }

    public record CreateElasticIp(@TargetAggregateIdentifier String elasticIpId, String accountId, String regionId,
                                  String elasticIpAddress, int bandwidthMbps, String provider, Instant requestedAt,
                                  String elasticIpName) {
    }

    public record DeleteElasticIp(@TargetAggregateIdentifier String elasticIpId, String accountId) {
    }
}
