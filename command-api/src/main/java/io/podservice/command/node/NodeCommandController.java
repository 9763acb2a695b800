package io.podservice.command.node;

import io.podservice.api.web.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The operator API's node operations (not part of JD Cloud's pod API): signed with an operator's key. */
@RestController
class NodeCommandController {

    private static final String NODE = "/v1/regions/{regionId}/nodes/{nodeId}";

    private final NodeOperations operations;

    NodeCommandController(NodeOperations operations) {
        this.operations = operations;
    }

    @Operation(operationId = "cordonNode", summary = "Place no new pods on the node (operators only)")
    @PostMapping(NODE + ":cordon")
    ApiResponse<Void> cordon(@PathVariable String regionId, @PathVariable String nodeId) {
        operations.cordon(regionId, nodeId, false);
        return ApiResponse.empty();
    }

    @Operation(operationId = "drainNode", summary = "Cordon the node and move its pods to other nodes (operators only)")
    @PostMapping(NODE + ":drain")
    ApiResponse<Void> drain(@PathVariable String regionId, @PathVariable String nodeId) {
        operations.cordon(regionId, nodeId, true);
        return ApiResponse.empty();
    }

    @Operation(operationId = "uncordonNode", summary = "Place pods on the node again (operators only)")
    @PostMapping(NODE + ":uncordon")
    ApiResponse<Void> uncordon(@PathVariable String regionId, @PathVariable String nodeId) {
        operations.uncordon(regionId, nodeId);
        return ApiResponse.empty();
    }
}
