package io.podservice.command.pod;

import io.podservice.api.catalog.RegionCatalog;
import io.podservice.api.web.ApiResponse;
import io.podservice.identity.Caller;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The pod write operations: each parses, hands the caller's request to a domain service and
 * answers as soon as the events are stored; the work finishes asynchronously and clients poll
 * describePod.
 */
@RestController
public class PodCommandController {

    private static final String POD = "/v1/regions/{regionId}/pods/{podId}";

    private final RegionCatalog regions;
    private final PodCreation creation;
    private final PodChanges changes;

    PodCommandController(RegionCatalog regions, PodCreation creation, PodChanges changes) {
        this.regions = regions;
        this.creation = creation;
        this.changes = changes;
    }

    @Operation(operationId = "createPods", summary = "Create one or more pods from a podSpec")
    @PostMapping("/v1/regions/{regionId}/pods")
    public ApiResponse<CreatePodsResult> createPods(@PathVariable String regionId,
                                                    @Valid @RequestBody CreatePodsRequest request) {
        RegionCatalog.Region region = regions.require(regionId);
        return ApiResponse.of(new CreatePodsResult(creation.create(region, account(), request)));
    }

    @Operation(operationId = "stopPod", summary = "Stop a running pod")
    @PostMapping(POD + ":stopPod")
    ApiResponse<Void> stopPod(@PathVariable String regionId, @PathVariable String podId) {
        regions.require(regionId);
        changes.stop(account(), podId);
        return ApiResponse.empty();
    }

    @Operation(operationId = "startPod", summary = "Start a stopped pod")
    @PostMapping(POD + ":startPod")
    ApiResponse<Void> startPod(@PathVariable String regionId, @PathVariable String podId) {
        regions.require(regionId);
        changes.start(account(), podId);
        return ApiResponse.empty();
    }

    @Operation(operationId = "deletePod", summary = "Delete a running, stopped or failed pod")
    @DeleteMapping(POD)
    ApiResponse<Void> deletePod(@PathVariable String regionId, @PathVariable String podId,
                                @RequestParam(defaultValue = "false") boolean deletePrimaryNetworkInterfaceAllElasticIp,
                                @org.springframework.web.bind.annotation.RequestHeader(value = io.podservice.identity.SignatureVerifier.SECURITY_TOKEN_HEADER, required = false) String securityToken) {
        regions.require(regionId);
        changes.delete(account(), podId, deletePrimaryNetworkInterfaceAllElasticIp, securityToken);
        return ApiResponse.empty();
    }

    record ElasticIpRequest(@NotBlank(message = "is required") String elasticIpId) {
    }

    @Operation(operationId = "associateElasticIp", summary = "Bind an elastic IP to the pod's primary interface")
    @PostMapping(POD + ":associateElasticIp")
    ApiResponse<Void> associateElasticIp(@PathVariable String regionId, @PathVariable String podId,
                                         @Valid @RequestBody ElasticIpRequest request) {
        regions.require(regionId);
        changes.associateElasticIp(account(), regionId, podId, request.elasticIpId());
        return ApiResponse.empty();
    }

    @Operation(operationId = "disassociateElasticIp", summary = "Unbind the pod's elastic IP")
    @PostMapping(POD + ":disassociateElasticIp")
    ApiResponse<Void> disassociateElasticIp(@PathVariable String regionId, @PathVariable String podId,
                                            @Valid @RequestBody ElasticIpRequest request,
                                            @org.springframework.web.bind.annotation.RequestHeader(value = io.podservice.identity.SignatureVerifier.SECURITY_TOKEN_HEADER, required = false) String securityToken) {
        regions.require(regionId);
        changes.disassociateElasticIp(account(), regionId, podId, request.elasticIpId(), securityToken);
        return ApiResponse.empty();
    }

    @Operation(operationId = "rebuildPod", summary = "Replace a stopped pod's containers' images, commands, env and probes")
    @PostMapping(POD + ":rebuild")
    ApiResponse<Void> rebuildPod(@PathVariable String regionId, @PathVariable String podId,
                                 @Valid @RequestBody RebuildContainerSpec.Request request) {
        regions.require(regionId);
        changes.rebuild(account(), regionId, podId, request.containers());
        return ApiResponse.empty();
    }

    record ResizePodRequest(String instanceType, List<PodCommands.ContainerResources> containerResources) {
    }

    @Operation(operationId = "resizePod", summary = "Change a stopped pod's instance type and its containers' resources")
    @PostMapping(POD + ":resize")
    ApiResponse<Void> resizePod(@PathVariable String regionId, @PathVariable String podId,
                                @RequestBody ResizePodRequest request) {
        regions.require(regionId);
        changes.resize(account(), podId, request.instanceType(), request.containerResources());
        return ApiResponse.empty();
    }

    @Operation(operationId = "modifyPodAttribute", summary = "Change a pod's name or description")
    @PatchMapping(POD + ":modifyPodAttribute")
    ApiResponse<Void> modifyPodAttribute(@PathVariable String regionId, @PathVariable String podId,
                                         @Valid @RequestBody ModifyPodAttributeRequest request) {
        regions.require(regionId);
        changes.modifyAttributes(account(), podId, request.name(), request.description());
        return ApiResponse.empty();
    }

    private static String account() {
        return Caller.current().accountId();
    }

    record CreatePodsResult(List<String> podIds) {
    }
}
