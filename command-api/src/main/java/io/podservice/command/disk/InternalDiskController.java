package io.podservice.command.disk;

import io.podservice.api.node.NodeToken;
import io.podservice.api.web.ApiResponse;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * For node agents only: a node's answer once it made a disk or a snapshot. Authenticated by the node
 * token, outside /v1, like the image caches' answers.
 */
@RestController
class InternalDiskController {

    private final Disks disks;
    private final NodeToken nodeToken;

    InternalDiskController(Disks disks, NodeToken nodeToken) {
        this.disks = disks;
        this.nodeToken = nodeToken;
    }

    record NodeReport(String status, String message) {
    }

    record Recorded(boolean recorded) {
    }

    @PostMapping("/internal/disks/{diskId}/nodes/{nodeId}")
    ApiResponse<Recorded> disk(@PathVariable String diskId, @PathVariable String nodeId, @RequestBody NodeReport report,
                               @RequestHeader(value = NodeToken.HEADER, required = false) String token) {
        nodeToken.require(token);
        return ApiResponse.of(new Recorded(disks.recordDiskReport(diskId, nodeId, report.status(), report.message())));
    }

    @PostMapping("/internal/snapshots/{snapshotId}/nodes/{nodeId}")
    ApiResponse<Recorded> snapshot(@PathVariable String snapshotId, @PathVariable String nodeId,
                                   @RequestBody NodeReport report,
                                   @RequestHeader(value = NodeToken.HEADER, required = false) String token) {
        nodeToken.require(token);
        return ApiResponse.of(new Recorded(disks.recordSnapshotReport(snapshotId, nodeId, report.status(),
                report.message())));
    }
}
