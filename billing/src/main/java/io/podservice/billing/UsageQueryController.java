package io.podservice.billing;

import io.podservice.api.catalog.RegionCatalog;
import io.podservice.api.web.ApiException;
import io.podservice.api.web.ApiResponse;
import io.podservice.identity.Caller;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * describeUsage, an extension of the API: the caller's metered usage in a region over a time range,
 * per pod and for the account, as hourly records priced from the price list. The range is by hour:
 * the hours that begin in [startTime rounded down to the hour, endTime). Intervals still open (a pod
 * running now) count up to now.
 */
@RestController
class UsageQueryController {

    private final RegionCatalog regions;
    private final UsageReport usage;

    UsageQueryController(RegionCatalog regions, UsageReport usage) {
        this.regions = regions;
        this.usage = usage;
    }

    record UsageResult(UsageReport.Usage usage) {
    }

    @Operation(operationId = "describeUsage", summary = "Metered running time and elastic IP time, priced, per pod and in all")
    @GetMapping("/v1/regions/{regionId}/usage")
    ApiResponse<UsageResult> describeUsage(@PathVariable String regionId,
                                           @RequestParam(required = false) String podId,
                                           @RequestParam(required = false) String startTime,
                                           @RequestParam(required = false) String endTime) {
        regions.require(regionId);
        Instant from = startTime == null ? Instant.EPOCH : time("startTime", startTime).truncatedTo(ChronoUnit.HOURS);
        Instant to = endTime == null ? Instant.now() : time("endTime", endTime);
        if (!from.isBefore(to)) {
            throw ApiException.invalidArgument("Invalid endTime: must be after startTime");
        }
        return ApiResponse.of(new UsageResult(usage.of(Caller.current().accountId(), regionId, podId, from, to)));
    }

    private static Instant time(String field, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.invalidArgument("Invalid " + field + ": '" + value
                    + "' is not an ISO-8601 UTC time such as 2026-11-27T10:00:00Z");
        }
    }
}
