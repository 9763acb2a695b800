package io.podservice.events;

/**
 * An event of the network resources pods depend on (VPCs, subnets, security groups, elastic IPs),
 * each resource its own aggregate; the resource id is the Kafka key.
 */
public sealed interface NetworkEvent extends ServiceEvent permits VpcCreated, VpcDeleted, SubnetCreated, SubnetDeleted,
        SecurityGroupCreated, SecurityGroupRulesAdded, SecurityGroupDeleted, ElasticIpCreated, ElasticIpDeleted {

    String resourceId();

    String accountId();

    String regionId();

    @Override
    default String aggregateId() {
        return resourceId();
    }
}
