package io.podservice.query.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podservice.api.catalog.RegionCatalog;
import io.podservice.api.network.Ipv4Cidr;
import io.podservice.api.network.PrimaryInterfaces;
import io.podservice.api.web.ApiException;
import io.podservice.api.web.ApiResponse;
import io.podservice.api.web.Paging;
import io.podservice.api.web.QueryFilters;
import io.podservice.events.EventJson;
import io.podservice.identity.Caller;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * describeVpcs / describeVpc, describeSubnets / describeSubnet, describeNetworkSecurityGroups /
 * describeNetworkSecurityGroup and describeElasticIps / describeElasticIp, in the shapes of JD
 * Cloud's VPC API. A subnet's availableIpCount and an elastic IP's pod come from pod_view.
 */
@RestController
class NetworkQueryController {

    private static final String REGION = "/v1/regions/{regionId}";
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
    private final RegionCatalog regions;

    NetworkQueryController(JdbcTemplate jdbc, RegionCatalog regions) {
        this.jdbc = jdbc;
        this.regions = regions;
    }

    @Operation(operationId = "describeVpcs", summary = "List VPCs, a page at a time, with filters")
    @GetMapping({REGION + "/vpcs", REGION + "/vpcs/"})
    ApiResponse<Map<String, Object>> describeVpcs(@PathVariable String regionId,
                                                  @RequestParam(defaultValue = "1") int pageNumber,
                                                  @RequestParam(defaultValue = "20") int pageSize,
                                                  HttpServletRequest request) {
        return list(regionId, NetworkProjection.VPC, "vpcs", pageNumber, pageSize, request);
    }

    @Operation(operationId = "describeVpc", summary = "Describe a VPC")
    @GetMapping(REGION + "/vpcs/{vpcId}")
    ApiResponse<Map<String, Object>> describeVpc(@PathVariable String regionId, @PathVariable String vpcId) {
        return one(regionId, NetworkProjection.VPC, "vpc", "VPC", vpcId);
    }

    @Operation(operationId = "describeSubnets", summary = "List subnets, a page at a time, with filters")
    @GetMapping({REGION + "/subnets", REGION + "/subnets/"})
    ApiResponse<Map<String, Object>> describeSubnets(@PathVariable String regionId,
                                                     @RequestParam(defaultValue = "1") int pageNumber,
                                                     @RequestParam(defaultValue = "20") int pageSize,
                                                     HttpServletRequest request) {
        return list(regionId, NetworkProjection.SUBNET, "subnets", pageNumber, pageSize, request);
    }

    @Operation(operationId = "describeSubnet", summary = "Describe a subnet")
    @GetMapping(REGION + "/subnets/{subnetId}")
    ApiResponse<Map<String, Object>> describeSubnet(@PathVariable String regionId, @PathVariable String subnetId) {
        return one(regionId, NetworkProjection.SUBNET, "subnet", "Subnet", subnetId);
    }

    @Operation(operationId = "describeNetworkSecurityGroups", summary = "List security groups, a page at a time, with filters")
    @GetMapping({REGION + "/networkSecurityGroups", REGION + "/networkSecurityGroups/"})
    ApiResponse<Map<String, Object>> describeNetworkSecurityGroups(@PathVariable String regionId,
                                                                   @RequestParam(defaultValue = "1") int pageNumber,
                                                                   @RequestParam(defaultValue = "20") int pageSize,
                                                                   HttpServletRequest request) {
        return list(regionId, NetworkProjection.SECURITY_GROUP, "networkSecurityGroups", pageNumber, pageSize, request);
    }

    @Operation(operationId = "describeNetworkSecurityGroup", summary = "Describe a security group and its rules")
    @GetMapping(REGION + "/networkSecurityGroups/{networkSecurityGroupId}")
    ApiResponse<Map<String, Object>> describeNetworkSecurityGroup(@PathVariable String regionId,
                                                                  @PathVariable String networkSecurityGroupId) {
        return one(regionId, NetworkProjection.SECURITY_GROUP, "networkSecurityGroup", "Security group",
                networkSecurityGroupId);
    }

    @Operation(operationId = "describeElasticIps", summary = "List elastic IPs, a page at a time, with filters")
    @GetMapping({REGION + "/elasticIps", REGION + "/elasticIps/"})
    ApiResponse<Map<String, Object>> describeElasticIps(@PathVariable String regionId,
                                                        @RequestParam(defaultValue = "1") int pageNumber,
                                                        @RequestParam(defaultValue = "20") int pageSize,
                                                        HttpServletRequest request) {
        return list(regionId, NetworkProjection.ELASTIC_IP, "elasticIps", pageNumber, pageSize, request);
    }

    @Operation(operationId = "describeElasticIp", summary = "Describe an elastic IP and the pod it is bound to")
    @GetMapping(REGION + "/elasticIps/{elasticIpId}")
    ApiResponse<Map<String, Object>> describeElasticIp(@PathVariable String regionId, @PathVariable String elasticIpId) {
        return one(regionId, NetworkProjection.ELASTIC_IP, "elasticIp", "Elastic IP", elasticIpId);
    }

    private ApiResponse<Map<String, Object>> one(String regionId, String kind, String field, String label, String id) {
        regions.require(regionId);
        JsonNode body = jdbc.query("SELECT body FROM network_view WHERE resource_id = ? AND kind = ? AND account_id = ? "
                        + "AND region_id = ? AND NOT deleted", (rs, row) -> read(rs.getString(1)), id, kind,
                Caller.current().accountId(), regionId).stream().findFirst()
                .orElseThrow(() -> ApiException.notFound(label + " '" + id + "' not found in " + regionId));
        return ApiResponse.of(Map.of(field, completed(kind, (ObjectNode) body)));
    }

    private ApiResponse<Map<String, Object>> list(String regionId, String kind, String field, int pageNumber,
                                                  int pageSize, HttpServletRequest request) {
        regions.require(regionId);
        Paging paging = new Paging(pageNumber, pageSize);
        StringBuilder where = new StringBuilder("account_id = ? AND region_id = ? AND kind = ? AND NOT deleted");
        List<Object> args = new ArrayList<>(List.of(Caller.current().accountId(), regionId, kind));
        for (QueryFilters.Filter filter : QueryFilters.parse(request.getParameterMap())) {
            String column = FILTERS.get(kind).get(filter.name().toLowerCase(Locale.ROOT));
            if (column == null) {
                throw ApiException.invalidArgument("Invalid filters." + filter.index() + ".name: unknown filter '"
                        + filter.name() + "'; filters: " + FILTER_NAMES.get(kind));
            }
            where.append(" AND ").append(column).append(" IN (")
                    .append(String.join(", ", filter.values().stream().map(v -> "?").toList())).append(')');
            args.addAll(filter.values());
        }
        Long total = jdbc.queryForObject("SELECT count(*) FROM network_view WHERE " + where, Long.class, args.toArray());
        args.add(paging.pageSize());
        args.add(paging.offset());
        List<JsonNode> items = jdbc.query("SELECT body FROM network_view WHERE " + where
                        + " ORDER BY created_time DESC, resource_id LIMIT ? OFFSET ?",
                (rs, row) -> completed(kind, (ObjectNode) read(rs.getString(1))), args.toArray());
        return ApiResponse.of(Map.of(field, items, "totalCount", total == null ? 0 : total));
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
