package io.podservice.command.imagecache;

import io.podservice.api.node.NodeToken;
import io.podservice.api.web.ApiResponse;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * For node agents only: a node's answer to an image cache, after its pull. Authenticated by the node
 * token, outside /v1, like the config files' content and the data keys.
 */
@RestController
class InternalImageCacheController {

    private final ImageCaches imageCaches;
    private final NodeToken nodeToken;

    InternalImageCacheController(ImageCaches imageCaches, NodeToken nodeToken) {
        this.imageCaches = imageCaches;
        this.nodeToken = nodeToken;
    }

    record NodeReport(String status, String message, long sizeBytes) {
    }

    record Recorded(boolean recorded) {
    }

    @PostMapping("/internal/image-caches/{imageCacheId}/nodes/{nodeId}")
    ApiResponse<Recorded> report(@PathVariable String imageCacheId, @PathVariable String nodeId,
                                 @RequestBody NodeReport report,
                                 @RequestHeader(value = NodeToken.HEADER, required = false) String token) {
        nodeToken.require(token);
        return ApiResponse.of(new Recorded(imageCaches.recordNodeReport(imageCacheId, nodeId, report.status(),
                report.message(), report.sizeBytes())));
    }
}
