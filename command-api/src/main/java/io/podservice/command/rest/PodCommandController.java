package io.podservice.command.rest;

import io.podservice.api.catalog.RegionCatalog;
import io.podservice.api.web.ApiResponse;
import io.podservice.api.web.RequestIds;
import io.podservice.command.pod.CreatePod;
import io.podservice.command.pod.PodIds;
import io.podservice.events.PodDefinition;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The pod write operations. Each answers as soon as the aggregate has stored its events; the
 * work itself finishes asynchronously and clients poll describePod.
 */
@RestController
class PodCommandController {

    private static final long COMMAND_TIMEOUT_SECONDS = 10;

    private final CommandGateway commands;
    private final RegionCatalog regions;
    private final PodDefinitions definitions;

    PodCommandController(CommandGateway commands, RegionCatalog regions, PodDefinitions definitions) {
        this.commands = commands;
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
            accepted.add(definitions.accept(region, request.podSpec(), name));
        }
        List<String> podIds = new ArrayList<>(count);
        Instant now = Instant.now();
        for (PodDefinition definition : accepted) {
            String podId = PodIds.next();
            send(new CreatePod(podId, region.id(), definition, now));
            podIds.add(podId);
        }
        return ApiResponse.of(new CreatePodsResult(podIds));
    }

    private void send(Object command) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(Map.of("requestId", RequestIds.current())), COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    record CreatePodsResult(List<String> podIds) {
    }
}
