package io.podservice.command.quota;

import io.podservice.api.catalog.QuotaLimits;
import io.podservice.api.catalog.RegionCatalog;
import io.podservice.api.web.ApiException;
import io.podservice.api.web.ApiResponse;
import io.podservice.identity.Caller;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * describeQuota, answered from the ledger that enforcement locks ({@code quota_usage}): what it says
 * is used is exactly what the next create is measured against.
 */
@RestController
class QuotaController {

    /**
     * JD Cloud's pod resource types, and
     * config files, which JD Cloud lists no quota for and this service limits.
     */
    private static final List<String> TYPES = List.of(QuotaLimits.POD, QuotaLimits.CONTAINER, QuotaLimits.SECRET,
            QuotaLimits.IMAGE_CACHE, QuotaLimits.POD_TEMPLATE, QuotaLimits.CONFIG_FILE);

    /** The disk service's types (its {@code snapshot_policy} is not offered). */
    private static final List<String> DISK_TYPES = List.of(QuotaLimits.DISK, QuotaLimits.SNAPSHOT);

    private final RegionCatalog regions;
    private final Quotas quotas;

    QuotaController(RegionCatalog regions, Quotas quotas) {
        this.regions = regions;
        this.quotas = quotas;
    }

    record DescribeQuotaResult(Quotas.Quota quota) {
    }

    @Operation(operationId = "describeQuota", summary = "The calling account's quota of a resource type in the region")
    @GetMapping("/v1/regions/{regionId}/quotas")
    ApiResponse<DescribeQuotaResult> describeQuota(@PathVariable String regionId,
                                                   @RequestParam(required = false) String resourceType,
                                                   @RequestParam(required = false) String type) {
        regions.require(regionId);
        if (resourceType == null && type != null) {
            // the disk service's describeQuota: same path, its parameter is "type"
            if (!DISK_TYPES.contains(type)) {
                throw ApiException.invalidArgument("Invalid type: must be one of " + String.join(", ", DISK_TYPES)
                        + "; got '" + type + "'");
            }
            return ApiResponse.of(new DescribeQuotaResult(quotas.quota(Caller.current().accountId(), regionId, type)));
        }
        if (resourceType == null || !TYPES.contains(resourceType)) {
            throw ApiException.invalidArgument("Invalid resourceType: must be one of " + String.join(", ", TYPES)
                    + (resourceType == null ? "" : "; got '" + resourceType + "'"));
        }
        return ApiResponse.of(new DescribeQuotaResult(quotas.quota(Caller.current().accountId(), regionId, resourceType)));
    }
}
