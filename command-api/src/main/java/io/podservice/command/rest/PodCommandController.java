package io.podservice.command.rest;

import io.podservice.api.catalog.RegionCatalog;
import io.podservice.api.web.ApiResponse;
import io.podservice.command.pod.CreatePod;
import io.podservice.command.pod.PodCommands;
import io.podservice.command.pod.PodIds;
import io.podservice.events.PodDefinition;
import io.podservice.identity.Caller;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The pod write operations. Each answers as soon as the aggregate has stored its events; the
 * work itself finishes asynchronously and clients poll describePod.
 */
@RestController
class PodCommandController {

    private final CommandSender sender;
    private final RegionCatalog regions;
    private final PodDefinitions definitions;

    PodCommandController(CommandSender sender, RegionCatalog regions, PodDefinitions definitions) {
        this.sender = sender;
        this.regions = regions;
        this.definitions = definitions;
    }

    @Operation(operationId = "createPods", summary = "Create one or more pods from a podSpec")
    @PostMapping("/v1/regions/{regionId}/pods")
    ApiResponse<CreatePodsResult> createPods(@PathVariable String regionId, @Valid @RequestBody CreatePodsRequest request) {
        RegionCatalog.Region region = regions.require(regionId);
        int count = request.count();
        List<PodDefinition> accepted = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            String name = count == 1 ? request.podSpec().name() : request.podSpec().name() + "-" + i;
            accepted.add(definitions.accept(region, request.podSpec(), name, count, request.clientToken()));
        }
        String accountId = Caller.current().accountId();
        List<String> podIds = new ArrayList<>(count);
        Instant now = Instant.now();
        for (int i = 0; i < accepted.size(); i++) {
            // with a client token the ids are derived from it, so a replay finds its pods already made
            String podId = request.clientToken() == null ? PodIds.next()
                    : PodIds.forClientToken(accountId, request.clientToken(), i + 1);
            sender.sendCreate(new CreatePod(podId, accountId, region.id(), accepted.get(i), now), podId);
            podIds.add(podId);
        }
        return ApiResponse.of(new CreatePodsResult(podIds));
    }

    @Operation(operationId = "stopPod", summary = "Stop a running pod")
    @PostMapping("/v1/regions/{regionId}/pods/{podId}:stopPod")
    ApiResponse<Void> stopPod(@PathVariable String regionId, @PathVariable String podId) {
        regions.require(regionId);
        sender.send(new PodCommands.StopPod(podId, Caller.current().accountId()), podId);
        return ApiResponse.empty();
    }

    @Operation(operationId = "startPod", summary = "Start a stopped pod")
    @PostMapping("/v1/regions/{regionId}/pods/{podId}:startPod")
    ApiResponse<Void> startPod(@PathVariable String regionId, @PathVariable String podId) {
        regions.require(regionId);
        sender.send(new PodCommands.StartPod(podId, Caller.current().accountId()), podId);
        return ApiResponse.empty();
    }

    @Operation(operationId = "deletePod", summary = "Delete a running, stopped or failed pod")
    @DeleteMapping("/v1/regions/{regionId}/pods/{podId}")
    ApiResponse<Void> deletePod(@PathVariable String regionId, @PathVariable String podId,
                                @RequestParam(defaultValue = "true") boolean deletePrimaryNetworkInterfaceAllElasticIp) {
        regions.require(regionId);
        sender.send(new PodCommands.DeletePod(podId, Caller.current().accountId(),
                deletePrimaryNetworkInterfaceAllElasticIp), podId);
        return ApiResponse.empty();
    }

    @Operation(operationId = "rebuildPod", summary = "Replace a stopped pod's containers' images, commands, env and probes")
    @PostMapping("/v1/regions/{regionId}/pods/{podId}:rebuild")
    ApiResponse<Void> rebuildPod(@PathVariable String regionId, @PathVariable String podId,
                                 @Valid @RequestBody RebuildContainerSpec.Request request) {
        regions.require(regionId);
        sender.send(new PodCommands.RebuildPod(podId, Caller.current().accountId(),
                definitions.replacements(request.containers())), podId);
        return ApiResponse.empty();
    }

    @Operation(operationId = "modifyPodAttribute", summary = "Change a pod's name or description")
    @PatchMapping("/v1/regions/{regionId}/pods/{podId}:modifyPodAttribute")
    ApiResponse<Void> modifyPodAttribute(@PathVariable String regionId, @PathVariable String podId,
                                         @Valid @RequestBody ModifyPodAttributeRequest request) {
        regions.require(regionId);
        sender.send(new PodCommands.ModifyPodAttribute(podId, Caller.current().accountId(), request.name(),
                request.description()), podId);
        return ApiResponse.empty();
    }

    record CreatePodsResult(List<String> podIds) {
    }
}
