package io.podservice.query.network;

import io.podservice.api.catalog.RegionCatalog;
import io.podservice.api.web.ApiResponse;
import io.podservice.api.web.Paging;
import io.podservice.api.web.QueryFilters;
import io.podservice.identity.Caller;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * describeVpcs / describeVpc, describeSubnets / describeSubnet, describeNetworkSecurityGroups /
 * describeNetworkSecurityGroup and describeElasticIps / describeElasticIp, in the shapes of JD
 * Cloud's VPC API, from {@link NetworkViews}.
 */
@RestController
class NetworkQueryController {

    private static final String REGION = "/v1/regions/{regionId}";
    private final NetworkViews views;
    private final RegionCatalog regions;

    NetworkQueryController(NetworkViews views, RegionCatalog regions) {
        this.views = views;
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
        return ApiResponse.of(Map.of(field, views.one(Caller.current().accountId(), regionId, kind, label, id)));
    }

    private ApiResponse<Map<String, Object>> list(String regionId, String kind, String field, int pageNumber,
                                                  int pageSize, HttpServletRequest request) {
        regions.require(regionId);
        return ApiResponse.of(views.list(Caller.current().accountId(), regionId, kind, field,
                new Paging(pageNumber, pageSize), QueryFilters.parse(request.getParameterMap())));
    }
}
