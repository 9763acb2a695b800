package io.podservice.query.network;

import io.podservice.api.web.ApiDates;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podservice.events.ElasticIpCreated;
import io.podservice.events.EventEnvelope;
import io.podservice.events.EventJson;
import io.podservice.events.NetworkEvent;
import io.podservice.events.PodSpecParts.SecurityGroupRule;
import io.podservice.events.SecurityGroupCreated;
import io.podservice.events.SecurityGroupRulesAdded;
import io.podservice.events.SubnetCreated;
import io.podservice.events.VpcCreated;
import io.podservice.query.ReadModel;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The read model of VPCs, subnets, security groups and elastic IPs ({@code network_view}): one row
 * per resource with its API shape in {@code body}. An event at or below the row's sequence is a
 * duplicate and changes nothing; a deleted resource keeps its row, marked deleted.
 */
@Component
public class NetworkProjection implements ReadModel {

    static final String VPC = "vpc";
    static final String SUBNET = "subnet";
    static final String SECURITY_GROUP = "securityGroup";
    static final String ELASTIC_IP = "elasticIp";

    private static final ObjectMapper JSON = EventJson.newMapper();

    private final JdbcTemplate jdbc;

    NetworkProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> tables() {
        return List.of("network_view");
    }

    @Override
    public void apply(EventEnvelope event) {
        if (!(event.payload() instanceof NetworkEvent payload)) {
            return;
        }
        if (payload instanceof VpcCreated e) {
            insert(event, VPC, null, e.vpcName(), e.createdAt(), JSON.createObjectNode().put("vpcId", e.vpcId())
                    .put("vpcName", e.vpcName()).put("description", e.description())
                    .put("addressPrefix", e.addressPrefix()));
        } else if (payload instanceof SubnetCreated e) {
            insert(event, SUBNET, e.vpcId(), e.subnetName(), e.createdAt(), JSON.createObjectNode()
                    .put("subnetId", e.subnetId()).put("subnetName", e.subnetName()).put("vpcId", e.vpcId())
                    .put("addressPrefix", e.addressPrefix()).put("description", e.description())
                    .put("subnetType", "standard"));
        } else if (payload instanceof SecurityGroupCreated e) {
            ObjectNode body = JSON.createObjectNode().put("networkSecurityGroupId", e.networkSecurityGroupId())
                    .put("networkSecurityGroupName", e.networkSecurityGroupName()).put("description", e.description())
                    .put("vpcId", e.vpcId()).put("networkSecurityGroupType", "custom");
            body.putArray("securityGroupRules");
            insert(event, SECURITY_GROUP, e.vpcId(), e.networkSecurityGroupName(), e.createdAt(), body);
        } else if (payload instanceof ElasticIpCreated e) {
            ObjectNode body = JSON.createObjectNode().put("elasticIpId", e.elasticIpId())
                    .put("elasticIpAddress", e.elasticIpAddress()).put("bandwidthMbps", e.bandwidthMbps())
                    .put("provider", e.provider()).put("elasticIpName", e.elasticIpName()).put("ipType", "standard")
                    .put("state", "UP");
            body.putObject("charge").put("chargeMode", "postpaid_by_duration").put("chargeStatus", "normal")
                    .put("chargeStartTime", ApiDates.format(e.createdAt()));
            insert(event, ELASTIC_IP, null, null, e.createdAt(), body);
        } else if (payload instanceof SecurityGroupRulesAdded e) {
            ArrayNode rules = JSON.createArrayNode();
            for (SecurityGroupRule rule : e.rules()) {
                rules.add(JSON.createObjectNode().put("ruleId", rule.ruleId()).put("direction", rule.direction())
                        .put("protocol", rule.protocol()).put("addressPrefix", rule.addressPrefix()).put("ipVersion", 4)
                        .put("fromPort", rule.fromPort()).put("toPort", rule.toPort())
                        .put("description", rule.description()).put("ruleAction", "ALLOW")
                        .put("priority", rule.priority() == null ? 100 : rule.priority()).put("addressPrefixType", "CIDR").put("ruleType", "custom")
                        .put("createdTime", ApiDates.format(e.addedAt())));
            }
            jdbc.update("""
                    UPDATE network_view SET body = jsonb_set(body, '{securityGroupRules}', body -> 'securityGroupRules' || ?::jsonb),
                                            last_sequence = ?
                     WHERE resource_id = ? AND last_sequence < ?""",
                    rules.toString(), event.sequence(), e.networkSecurityGroupId(), event.sequence());
        } else {
            // VpcDeleted, SubnetDeleted, SecurityGroupDeleted, ElasticIpDeleted
            jdbc.update("UPDATE network_view SET deleted = TRUE, last_sequence = ? WHERE resource_id = ? AND last_sequence < ?",
                    event.sequence(), payload.resourceId(), event.sequence());
        }
    }

    private void insert(EventEnvelope event, String kind, String vpcId, String name, Instant created, ObjectNode body) {
        NetworkEvent payload = (NetworkEvent) event.payload();
        body.put("createdTime", ApiDates.format(created));
        jdbc.update("""
                INSERT INTO network_view (resource_id, kind, account_id, region_id, vpc_id, name, body, created_time, last_sequence)
                VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?) ON CONFLICT (resource_id) DO NOTHING""",
                payload.resourceId(), kind, payload.accountId(), payload.regionId(), vpcId, name, body.toString(),
                Timestamp.from(created), event.sequence());
    }
}
