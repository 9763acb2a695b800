package io.podservice.query.rest;

import io.podservice.api.catalog.InstanceTypeCatalog;
import io.podservice.api.catalog.QuotaLimits;
import io.podservice.api.catalog.RegionCatalog;
import io.podservice.api.web.ApiException;
import io.podservice.api.web.ApiResponse;
import io.podservice.api.web.QueryFilters;
import io.podservice.identity.Accounts;
import io.podservice.identity.Caller;
import io.podservice.query.pods.PodViewRepository;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** describeQuota and describeInstanceTypes. */
@RestController
class CatalogController {

    private static final Set<String> QUOTA_TYPES = Set.of(QuotaLimits.POD, QuotaLimits.CONTAINER, QuotaLimits.SECRET,
            "imageCache", "podTemplate");

    private final RegionCatalog regions;
    private final InstanceTypeCatalog instanceTypes;
    private final QuotaLimits limits;
    private final Accounts accounts;
    private final PodViewRepository pods;

    CatalogController(RegionCatalog regions, InstanceTypeCatalog instanceTypes, QuotaLimits limits, Accounts accounts,
                      PodViewRepository pods) {
        this.regions = regions;
        this.instanceTypes = instanceTypes;
        this.limits = limits;
        this.accounts = accounts;
        this.pods = pods;
    }

    record Quota(String resourceType, long limit, long used) {
    }

    record DescribeQuotaResult(Quota quota) {
    }

    @Operation(operationId = "describeQuota", summary = "The calling account's quota of a resource type in the region")
    @GetMapping("/v1/regions/{regionId}/quotas")
    ApiResponse<DescribeQuotaResult> describeQuota(@PathVariable String regionId,
                                                   @RequestParam(required = false) String resourceType) {
        regions.require(regionId);
        if (resourceType == null || !QUOTA_TYPES.contains(resourceType)) {
            throw ApiException.invalidArgument("Invalid resourceType: must be one of pod, container, secret, imageCache, "
                    + "podTemplate" + (resourceType == null ? "" : "; got '" + resourceType + "'"));
        }
        String accountId = Caller.current().accountId();
        long used = switch (resourceType) {
            case QuotaLimits.POD -> pods.usage(accountId, regionId)[0];
            case QuotaLimits.CONTAINER -> pods.usage(accountId, regionId)[1];
            case QuotaLimits.SECRET -> pods.secrets(accountId, regionId);
            default -> 0; // imageCache and podTemplate do not exist here
        };
        String name = accounts.nameOf(accountId).orElse(null);
        return ApiResponse.of(new DescribeQuotaResult(new Quota(resourceType, limits.limit(name, resourceType), used)));
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
        List<InstanceTypeSpec> types = instanceTypes.getInstanceTypes().stream()
                .filter(t -> wantedNames == null || wantedNames.contains(t.instanceType()))
                .map(t -> new InstanceTypeSpec(t.family(), t.instanceType(), t.cpu(), t.memoryMB(), t.nicLimit(), t.desc(),
                        t.statesIn(region).stream().filter(s -> wantedAzs == null || wantedAzs.contains(s.az())).toList(),
                        t.cloudDiskTypes()))
                .filter(t -> wantedAzs == null || !t.state().isEmpty())
                .toList();
        return ApiResponse.of(new DescribeInstanceTypesResult(types, List.of(), types.size()));
    }
}
