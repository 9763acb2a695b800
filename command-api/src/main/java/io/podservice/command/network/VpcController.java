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

/** createVpc and deleteVpc, under JD Cloud's VPC paths (with and without the trailing '/' its SDKs use). */
@RestController
class VpcController {

    private final RegionCatalog regions;
    private final Vpcs vpcs;

    VpcController(RegionCatalog regions, Vpcs vpcs) {
        this.regions = regions;
        this.vpcs = vpcs;
    }

    record CreateVpcRequest(@NotBlank(message = "is required")
                            @Pattern(regexp = NetworkNames.PATTERN, message = NetworkNames.RULE) String vpcName,
                            String addressPrefix,
                            @Size(max = 256, message = "must be at most 256 characters") String description) {
    }

    record VpcCreatedResult(String vpcId) {
    }

    @Operation(operationId = "createVpc", summary = "Create a VPC")
    @PostMapping({REGION + "/vpcs", REGION + "/vpcs/"})
    ApiResponse<VpcCreatedResult> createVpc(@PathVariable String regionId, @Valid @RequestBody CreateVpcRequest request) {
        regions.require(regionId);
        return ApiResponse.of(new VpcCreatedResult(vpcs.create(Caller.current().accountId(), regionId,
                request.vpcName(), request.addressPrefix(), request.description())));
    }

    @Operation(operationId = "deleteVpc", summary = "Delete a VPC that has no subnets and no security groups")
    @DeleteMapping(REGION + "/vpcs/{vpcId}")
    ApiResponse<Void> deleteVpc(@PathVariable String regionId, @PathVariable String vpcId) {
        regions.require(regionId);
        vpcs.delete(Caller.current().accountId(), regionId, vpcId);
        return ApiResponse.empty();
    }
}
