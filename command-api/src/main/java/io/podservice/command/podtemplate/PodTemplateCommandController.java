package io.podservice.command.podtemplate;

import io.podservice.api.catalog.RegionCatalog;
import io.podservice.api.web.ApiResponse;
import io.podservice.identity.Caller;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * createPodTemplate, updatePodTemplate, deletePodTemplate and verifyPodTemplate (a GET, answered here
 * because it checks the template against what the command side holds); describePodTemplate(s) are
 * the query side's.
 */
@RestController
class PodTemplateCommandController {

    private static final String POD_TEMPLATE = "/v1/regions/{regionId}/podTemplates/{podTemplateId}";

    private final RegionCatalog regions;
    private final PodTemplates podTemplates;

    PodTemplateCommandController(RegionCatalog regions, PodTemplates podTemplates) {
        this.regions = regions;
        this.podTemplates = podTemplates;
    }

    record CreatePodTemplateRequest(String name, String description, PodTemplateSpec podTemplateSpec) {
    }

    record UpdatePodTemplateRequest(String name, String description,
                                    PodTemplateSpec.UpdatePodTemplateSpec podTemplateSpec) {
    }

    record CreatePodTemplateResult(String podTemplateId) {
    }

    @Operation(operationId = "createPodTemplate", summary = "Store a pod specification, checked as createPods would")
    @PostMapping("/v1/regions/{regionId}/podTemplates")
    ApiResponse<CreatePodTemplateResult> create(@PathVariable String regionId,
                                                @RequestBody CreatePodTemplateRequest request) {
        return ApiResponse.of(new CreatePodTemplateResult(podTemplates.create(regions.require(regionId),
                Caller.current().accountId(), request.name(), request.description(), request.podTemplateSpec())));
    }

    @Operation(operationId = "updatePodTemplate", summary = "Change a pod template's name, description or parts")
    @PatchMapping(POD_TEMPLATE)
    ApiResponse<Void> update(@PathVariable String regionId, @PathVariable String podTemplateId,
                             @RequestBody UpdatePodTemplateRequest request) {
        podTemplates.update(regions.require(regionId), Caller.current().accountId(), podTemplateId, request.name(),
                request.description(), request.podTemplateSpec());
        return ApiResponse.empty();
    }

    @Operation(operationId = "deletePodTemplate", summary = "Delete a pod template")
    @DeleteMapping(POD_TEMPLATE)
    ApiResponse<Void> delete(@PathVariable String regionId, @PathVariable String podTemplateId) {
        podTemplates.delete(regions.require(regionId), Caller.current().accountId(), podTemplateId);
        return ApiResponse.empty();
    }

    @Operation(operationId = "verifyPodTemplate",
            summary = "Check that createPods would take the template now; every problem in one error")
    @GetMapping(POD_TEMPLATE + ":verify")
    ApiResponse<Void> verify(@PathVariable String regionId, @PathVariable String podTemplateId) {
        podTemplates.verify(regions.require(regionId), Caller.current().accountId(), podTemplateId);
        return ApiResponse.empty();
    }
}
