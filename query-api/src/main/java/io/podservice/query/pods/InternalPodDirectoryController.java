package io.podservice.query.pods;

import io.podservice.api.node.NodeToken;
import io.podservice.api.node.PodDirectory;
import io.podservice.api.web.ApiException;
import io.podservice.api.web.ApiResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * For a node gateway that runs apart from the read side: where a pod is. Node token only, outside
 * /v1; the gateway has checked the caller's signature and checks the account itself.
 */
@RestController
class InternalPodDirectoryController {

    private final PodDirectory directory;
    private final NodeToken nodeToken;

    InternalPodDirectoryController(PodDirectory directory, NodeToken nodeToken) {
        this.directory = directory;
        this.nodeToken = nodeToken;
    }

    @GetMapping("/internal/pods/{podId}/placement")
    ApiResponse<PodDirectory.PodPlacement> placement(@PathVariable String podId,
                                                     @RequestHeader(value = NodeToken.HEADER, required = false) String token) {
        nodeToken.require(token);
        return ApiResponse.of(directory.find(podId)
                .orElseThrow(() -> ApiException.notFound("Pod '" + podId + "' not found")));
    }
}
