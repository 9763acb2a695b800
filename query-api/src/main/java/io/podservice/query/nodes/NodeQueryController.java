package io.podservice.query.nodes;

import io.podservice.api.web.ApiResponse;
import io.podservice.api.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The operator API's node list (not part of JD Cloud's pod API): signed with an operator's key. */
@RestController
class NodeQueryController {

    private final NodeDirectory nodes;

    NodeQueryController(NodeDirectory nodes) {
        this.nodes = nodes;
    }

    @Operation(operationId = "describeNodes", summary = "List the nodes (operators only), a page at a time, with filters")
    @GetMapping("/v1/regions/{regionId}/nodes")
    ApiResponse<NodeDirectory.NodePage> describeNodes(@PathVariable String regionId,
                                                      @RequestParam(defaultValue = "1") int pageNumber,
                                                      @RequestParam(defaultValue = "20") int pageSize,
                                                      HttpServletRequest request) {
        return ApiResponse.of(nodes.describeNodes(regionId, new Paging(pageNumber, pageSize), request.getParameterMap()));
    }
}
