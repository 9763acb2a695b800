package io.podservice.query.rest;

import io.podservice.api.catalog.InstanceTypeCatalog;
import io.podservice.query.nodes.FreeCapacity;
import io.podservice.api.catalog.RegionCatalog;
import io.podservice.api.web.ApiException;
import io.podservice.api.web.ApiResponse;
import io.podservice.api.web.QueryFilters;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * describeInstanceTypes: the catalog of instance types, per availability zone; a type is in stock in
 * a zone when the catalog says so and a ready node of the zone has room for one pod of it.
 */
@RestController
class CatalogController {

    private final RegionCatalog regions;
    private final InstanceTypeCatalog instanceTypes;
    private final FreeCapacity capacity;

    CatalogController(RegionCatalog regions, InstanceTypeCatalog instanceTypes, FreeCapacity capacity) {
        this.regions = regions;
        this.instanceTypes = instanceTypes;
        this.capacity = capacity;
    }

    record InstanceTypeSpec(String family, String instanceType, int cpu, int memoryMB, int nicLimit, String desc,
                            List<InstanceTypeCatalog.AzState> state, List<String> cloudDiskTypes) {
    }

    record DescribeInstanceTypesResult(List<InstanceTypeSpec> instanceTypes, List<InstanceTypeSpec> specificInstanceTypes,
                                       int totalCount) {
    }

    @Operation(operationId = "describeInstanceTypes", summary = "The instance types pods can be created with")
    @GetMapping("/v1/regions/{regionId}/instanceTypes")
    ApiResponse<DescribeInstanceTypesResult> describeInstanceTypes(@PathVariable String regionId,
                                                                   HttpServletRequest request) {
        RegionCatalog.Region region = regions.require(regionId);
        List<String> names = null;
        List<String> azs = null;
        for (QueryFilters.Filter filter : QueryFilters.parse(request.getParameterMap())) {
            switch (filter.name()) {
                case "instanceTypes" -> names = filter.values();
                case "az" -> azs = filter.values();
                default -> throw ApiException.invalidArgument("Invalid filters." + filter.index() + ".name: unknown filter '"
                        + filter.name() + "'; filters: instanceTypes, az");
            }
        }
        List<String> wantedNames = names;
        List<String> wantedAzs = azs;
        List<FreeCapacity.Room> rooms = capacity.readyNodes();
        List<InstanceTypeSpec> types = instanceTypes.getInstanceTypes().stream()
                .filter(t -> wantedNames == null || wantedNames.contains(t.instanceType()))
                .map(t -> new InstanceTypeSpec(t.family(), t.instanceType(), t.cpu(), t.memoryMB(), t.nicLimit(), t.desc(),
                        t.statesIn(region).stream().filter(s -> wantedAzs == null || wantedAzs.contains(s.az()))
                                .map(s -> new InstanceTypeCatalog.AzState(s.az(), s.inStock()
                                        && rooms.stream().anyMatch(room -> room.fits(s.az(), t)), s.online()))
                                .toList(),
                        t.cloudDiskTypes()))
                .filter(t -> wantedAzs == null || !t.state().isEmpty())
                .toList();
        return ApiResponse.of(new DescribeInstanceTypesResult(types, List.of(), types.size()));
    }
}
