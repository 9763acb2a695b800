package io.podservice.query.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podservice.api.network.Ipv4Cidr;
import io.podservice.api.network.PrimaryInterfaces;
import io.podservice.api.web.ApiException;
import io.podservice.api.web.Paging;
import io.podservice.api.web.QueryFilters;
import io.podservice.events.EventJson;
import io.podservice.persistence.SqlQuery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The network read model as the describe operations show it: JD Cloud's VPC shapes from
 * {@code network_view}, completed with what other rows know (a VPC's subnets, a subnet's free
 * addresses, a group's interfaces, an elastic IP's pod, from {@code pod_view}), filtered and paged.
 */
@Repository
class NetworkViews {

    private static final ObjectMapper JSON = EventJson.newMapper();

    /** ASSOCIATED when a live pod holds the elastic IP. */
    private static final String ELASTIC_IP_STATUS = "(CASE WHEN EXISTS (SELECT 1 FROM pod_view p WHERE p.elastic_ip_id = "
            + "network_view.resource_id AND NOT p.deleted) THEN 'ASSOCIATED' ELSE 'NOT_ASSOCIATED' END)";
    /**
     * Per kind: filter name (lower case; JD Cloud's docs spell some with capitals) to column. Filters
     * on what every resource here has one value of (azType standard, subnetType standard, ipType
     * standard) compare with that value.
     */
    private static final Map<String, Map<String, String>> FILTERS = Map.of(
            NetworkProjection.VPC, Map.of("vpcids", "resource_id", "vpcnames", "name", "aztype", "'standard'"),
            NetworkProjection.SUBNET, Map.of("subnetids", "resource_id", "subnetnames", "name", "vpcid", "vpc_id",
                    "subnettype", "body ->> 'subnetType'"),
            NetworkProjection.SECURITY_GROUP, Map.of("networksecuritygroupids", "resource_id",
                    "networksecuritygroupnames", "name", "vpcid", "vpc_id"),
            NetworkProjection.ELASTIC_IP, Map.of("elasticipids", "resource_id",
                    "elasticipaddress", "body ->> 'elasticIpAddress'", "elasticipnames", "body ->> 'elasticIpName'",
                    "iptype", "body ->> 'ipType'", "status", ELASTIC_IP_STATUS));
    private static final Map<String, String> FILTER_NAMES = Map.of(
            NetworkProjection.VPC, "vpcIds, vpcNames, azType",
            NetworkProjection.SUBNET, "subnetIds, subnetNames, vpcId, subnetType",
            NetworkProjection.SECURITY_GROUP, "networkSecurityGroupIds, networkSecurityGroupNames, vpcId",
            NetworkProjection.ELASTIC_IP, "elasticIpIds, elasticIpAddress, elasticIpNames, ipType, status");

    private final JdbcTemplate jdbc;

    NetworkViews(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The caller's resource of {@code kind} in the API's shape, or NOT_FOUND naming it as {@code label}. */
    JsonNode one(String accountId, String regionId, String kind, String label, String id) {
        JsonNode body = jdbc.query("SELECT body FROM network_view WHERE resource_id = ? AND kind = ? AND account_id = ? "
                        + "AND region_id = ? AND NOT deleted", (rs, row) -> read(rs.getString(1)), id, kind,
                accountId, regionId).stream().findFirst()
                .orElseThrow(() -> ApiException.notFound(label + " '" + id + "' not found in " + regionId));
        return completed(kind, (ObjectNode) body);
    }

    /** One page of the caller's resources of {@code kind} matching {@code filters}, under {@code field}, with the total. */
    Map<String, Object> list(String accountId, String regionId, String kind, String field, Paging paging,
                             List<QueryFilters.Filter> filters) {
        SqlQuery query = SqlQuery.where("account_id = ? AND region_id = ? AND kind = ? AND NOT deleted",
                accountId, regionId, kind);
        for (QueryFilters.Filter filter : filters) {
            String column = FILTERS.get(kind).get(filter.name().toLowerCase(Locale.ROOT));
            if (column == null) {
                throw ApiException.invalidArgument("Invalid filters." + filter.index() + ".name: unknown filter '"
                        + filter.name() + "'; filters: " + FILTER_NAMES.get(kind));
            }
            query.andIn(column, filter.values());
        }
        long total = query.count(jdbc, "network_view");
        List<JsonNode> items = query.page(jdbc, "SELECT body FROM network_view", "created_time DESC, resource_id",
                paging.pageSize(), paging.offset(), (rs, row) -> completed(kind, (ObjectNode) read(rs.getString(1))));
        return Map.of(field, items, "totalCount", total);
    }

    /** Adds what other rows know: a VPC's subnets, a subnet's free addresses, an elastic IP's pod. */
    private JsonNode completed(String kind, ObjectNode body) {
        switch (kind) {
            case NetworkProjection.VPC -> {
                body.putArray("routeTableIds");
                body.putArray("aclIds");
                var subnets = body.putArray("subnets");
                jdbc.query("SELECT body FROM network_view WHERE kind = 'subnet' AND vpc_id = ? AND NOT deleted "
                        + "ORDER BY created_time", (rs, row) -> read(rs.getString(1)), body.path("vpcId").asText())
                        .forEach(subnet -> subnets.add(completed(NetworkProjection.SUBNET, (ObjectNode) subnet)));
            }
            case NetworkProjection.SUBNET -> {
                Ipv4Cidr cidr = Ipv4Cidr.parse(body.path("addressPrefix").asText()).orElseThrow();
                Long used = jdbc.queryForObject("SELECT count(*) FROM pod_view WHERE subnet_id = ? AND NOT deleted",
                        Long.class, body.path("subnetId").asText());
                body.put("startIp", Ipv4Cidr.dotted(cidr.firstAssignable()))
                        .put("endIp", Ipv4Cidr.dotted(cidr.lastAssignable()))
                        .put("availableIpCount", cidr.assignableCount() - (used == null ? 0 : used));
                body.putNull("routeTableId");
                body.putNull("aclId");
                // no route of a subnet leads to the internet: pods reach out through the node's NAT
                body.put("publicSubnet", false);
            }
            case NetworkProjection.ELASTIC_IP -> {
                List<String[]> pods = jdbc.query("SELECT pod_id, pod_ip FROM pod_view WHERE elastic_ip_id = ? "
                        + "AND NOT deleted", (rs, row) -> new String[] {rs.getString(1), rs.getString(2)},
                        body.path("elasticIpId").asText());
                body.put("instanceId", pods.isEmpty() ? null : pods.get(0)[0])
                        .put("instanceType", pods.isEmpty() ? null : "pod")
                        .put("privateIpAddress", pods.isEmpty() ? null : pods.get(0)[1])
                        .put("status", pods.isEmpty() ? "NOT_ASSOCIATED" : "ASSOCIATED");
                body.putNull("az");
                body.put("networkInterfaceId", pods.isEmpty() ? null : PrimaryInterfaces.id(pods.get(0)[0]));
            }
            case NetworkProjection.SECURITY_GROUP -> {
                var interfaces = body.putArray("networkInterfaceIds");
                jdbc.query("SELECT pod_id FROM pod_view WHERE NOT deleted AND vpc_id = ? "
                        + "AND definition -> 'network' -> 'securityGroupIds' @> jsonb_build_array(?::text) "
                        + "ORDER BY create_time, pod_id", (rs, row) -> rs.getString(1),
                        body.path("vpcId").asText(), body.path("networkSecurityGroupId").asText())
                        .forEach(podId -> interfaces.add(PrimaryInterfaces.id(podId)));
            }
            default -> throw new IllegalStateException("no network resource kind " + kind);
        }
        return body;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
