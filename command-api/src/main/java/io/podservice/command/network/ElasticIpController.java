package io.podservice.command.network;

import static io.podservice.command.network.NetworkNames.REGION;

import io.podservice.api.catalog.RegionCatalog;
import io.podservice.api.web.ApiResponse;
import io.podservice.identity.Caller;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** createElasticIps and deleteElasticIp, under JD Cloud's VPC paths. */
@RestController
class ElasticIpController {

    private final RegionCatalog regions;
    private final ElasticIps elasticIps;

    ElasticIpController(RegionCatalog regions, ElasticIps elasticIps) {
        this.regions = regions;
        this.elasticIps = elasticIps;
    }

    record ElasticIpSpec(@NotNull(message = "is required")
                         @Min(value = 1, message = "must be between 1 and 100 Mbps")
                         @Max(value = 100, message = "must be between 1 and 100 Mbps") Integer bandwidthMbps,
                         @Pattern(regexp = "bgp|no_bgp", message = "must be bgp or no_bgp") String provider) {
    }

    record CreateElasticIpsRequest(@NotNull(message = "is required")
                                   @Min(value = 1, message = "must be between 1 and 100")
                                   @Max(value = 100, message = "must be between 1 and 100") Integer maxCount,
                                   String elasticIpAddress,
                                   @NotNull(message = "is required") @Valid ElasticIpSpec elasticIpSpec,
                                   @Pattern(regexp = NetworkNames.PATTERN, message = NetworkNames.RULE)
                                   String elasticIpName,
                                   Boolean dryRun) {
    }

    /** Empty after a dry run. */
    record ElasticIpsCreatedResult(List<String> elasticIpIds) {
    }

    @Operation(operationId = "createElasticIps", summary = "Allocate elastic IPs from the service's pool")
    @PostMapping({REGION + "/elasticIps", REGION + "/elasticIps/"})
    ApiResponse<ElasticIpsCreatedResult> createElasticIps(@PathVariable String regionId,
                                                          @Valid @RequestBody CreateElasticIpsRequest request) {
        regions.require(regionId);
        return ApiResponse.of(new ElasticIpsCreatedResult(elasticIps.allocate(Caller.current().accountId(), regionId,
                request.maxCount(), request.elasticIpSpec().bandwidthMbps(), request.elasticIpSpec().provider(),
                request.elasticIpAddress(), request.elasticIpName(), Boolean.TRUE.equals(request.dryRun()))));
    }

    @Operation(operationId = "deleteElasticIp", summary = "Release an elastic IP bound to no pod")
    @DeleteMapping(REGION + "/elasticIps/{elasticIpId}")
    ApiResponse<Void> deleteElasticIp(@PathVariable String regionId, @PathVariable String elasticIpId) {
        regions.require(regionId);
        elasticIps.delete(Caller.current().accountId(), regionId, elasticIpId);
        return ApiResponse.empty();
    }
}
