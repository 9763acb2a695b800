package io.podservice.command.network;

import static io.podservice.command.network.NetworkNames.REGION;

import io.podservice.api.catalog.RegionCatalog;
import io.podservice.api.web.ApiResponse;
import io.podservice.identity.Caller;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** createSubnet and deleteSubnet, under JD Cloud's VPC paths. */
@RestController
class SubnetController {

    private final RegionCatalog regions;
    private final Subnets subnets;

    SubnetController(RegionCatalog regions, Subnets subnets) {
        this.regions = regions;
        this.subnets = subnets;
    }

    record CreateSubnetRequest(@NotBlank(message = "is required")
                               @Pattern(regexp = NetworkNames.PATTERN, message = NetworkNames.RULE) String subnetName,
                               @NotBlank(message = "is required") String vpcId,
                               @NotBlank(message = "is required") String addressPrefix,
                               String routeTableId,
                               @Size(max = 256, message = "must be at most 256 characters") String description,
                               Boolean dryRun) {
    }

    /** {@code subnetId} is null after a dry run (JD Cloud's: every check, nothing made). */
    record SubnetCreatedResult(String subnetId) {
    }

    @Operation(operationId = "createSubnet", summary = "Create a subnet of a VPC; its CIDR becomes a Docker network on the nodes")
    @PostMapping({REGION + "/subnets", REGION + "/subnets/"})
    ApiResponse<SubnetCreatedResult> createSubnet(@PathVariable String regionId,
                                                  @Valid @RequestBody CreateSubnetRequest request) {
        regions.require(regionId);
        return ApiResponse.of(new SubnetCreatedResult(subnets.create(Caller.current().accountId(), regionId,
                request.vpcId(), request.subnetName(), request.addressPrefix(), request.description(),
                Boolean.TRUE.equals(request.dryRun())).orElse(null)));
    }

    @Operation(operationId = "deleteSubnet", summary = "Delete a subnet no pod uses")
    @DeleteMapping(REGION + "/subnets/{subnetId}")
    ApiResponse<Void> deleteSubnet(@PathVariable String regionId, @PathVariable String subnetId) {
        regions.require(regionId);
        subnets.delete(Caller.current().accountId(), regionId, subnetId);
        return ApiResponse.empty();
    }
}
