package io.podservice.command.disk;

import io.podservice.api.catalog.RegionCatalog;
import io.podservice.api.web.ApiResponse;
import io.podservice.identity.Caller;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * createDisks, deleteDisk, createSnapshot and deleteSnapshot at the paths of JD Cloud's disk service
 * (describeDisk(s) and describeSnapshot(s) are the query side's).
 */
@RestController
class DiskCommandController {

    private final RegionCatalog regions;
    private final Disks disks;

    DiskCommandController(RegionCatalog regions, Disks disks) {
        this.regions = regions;
        this.disks = disks;
    }

    /** JD Cloud's request; {@code userTags} and {@code resourceGroupId} are accepted and not kept. */
    record CreateDisksRequest(Disks.DiskSpec diskSpec, Integer maxCount, String clientToken) {
    }

    record CreateDisksResult(List<String> diskIds) {
    }

    record SnapshotSpec(String name, String description, String diskId) {
    }

    record CreateSnapshotRequest(SnapshotSpec snapshotSpec, String clientToken) {
    }

    record CreateSnapshotResult(String snapshotId) {
    }

    @Operation(operationId = "createDisks", summary = "Create cloud disks (empty, or from a snapshot)")
    @PostMapping("/v1/regions/{regionId}/disks")
    ApiResponse<CreateDisksResult> createDisks(@PathVariable String regionId, @RequestBody CreateDisksRequest request) {
        return ApiResponse.of(new CreateDisksResult(disks.create(regions.require(regionId),
                Caller.current().accountId(), request.diskSpec(), request.maxCount(), request.clientToken())));
    }

    @Operation(operationId = "deleteDisk", summary = "Delete a disk that no pod has")
    @DeleteMapping("/v1/regions/{regionId}/disks/{diskId}")
    ApiResponse<Void> deleteDisk(@PathVariable String regionId, @PathVariable String diskId,
                                 @RequestParam(required = false) Boolean putInRecycleBin) {
        regions.require(regionId);
        if (Boolean.TRUE.equals(putInRecycleBin)) {
            throw io.podservice.api.web.ApiException.invalidArgument("Invalid putInRecycleBin: there is no recycle "
                    + "bin here; a deleted disk is gone");
        }
        disks.delete(Caller.current().accountId(), regionId, diskId);
        return ApiResponse.empty();
    }

    @Operation(operationId = "createSnapshot", summary = "Copy a disk's content as it is now")
    @PostMapping("/v1/regions/{regionId}/snapshots")
    ApiResponse<CreateSnapshotResult> createSnapshot(@PathVariable String regionId,
                                                     @RequestBody CreateSnapshotRequest request) {
        RegionCatalog.Region region = regions.require(regionId);
        if (request.snapshotSpec() == null) {
            throw io.podservice.api.web.ApiException.invalidArgument("Invalid snapshotSpec: is required");
        }
        SnapshotSpec spec = request.snapshotSpec();
        return ApiResponse.of(new CreateSnapshotResult(disks.snapshot(region, Caller.current().accountId(), spec.name(),
                spec.description(), spec.diskId())));
    }

    @Operation(operationId = "deleteSnapshot", summary = "Delete a snapshot that is available or failed")
    @DeleteMapping("/v1/regions/{regionId}/snapshots/{snapshotId}")
    ApiResponse<Void> deleteSnapshot(@PathVariable String regionId, @PathVariable String snapshotId) {
        regions.require(regionId);
        disks.deleteSnapshot(Caller.current().accountId(), regionId, snapshotId);
        return ApiResponse.empty();
    }
}
