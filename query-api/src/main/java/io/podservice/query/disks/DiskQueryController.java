package io.podservice.query.disks;

import io.podservice.api.catalog.RegionCatalog;
import io.podservice.api.web.ApiDates;
import io.podservice.api.web.ApiException;
import io.podservice.api.web.ApiResponse;
import io.podservice.api.web.Paging;
import io.podservice.api.web.QueryFilters;
import io.podservice.identity.Caller;
import io.podservice.persistence.SqlQuery;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * describeDisk, describeDisks, describeSnapshot and describeSnapshots at the paths of JD Cloud's disk
 * service, in its Disk and Snapshot shapes ({@code message} added: why a disk or snapshot is in
 * error_create). A disk a pod has is attached to it as JD Cloud shows a native container's
 * ({@code instanceType} {@code nc}).
 */
@RestController
class DiskQueryController {

    private static final String DISK_STATUS = """
            CASE WHEN v.failed THEN 'error_create' WHEN NOT v.made THEN 'creating'
                 WHEN v.pod_id IS NULL THEN 'available' ELSE 'in-use' END""";
    private static final String SELECT_DISKS = "SELECT v.disk_id, v.az, v.name, v.description, v.disk_type, v.size_gb, "
            + "v.iops, " + DISK_STATUS + ", v.snapshot_id, v.created_time, v.pod_id, v.attach_time, v.message "
            + "FROM disk_view v";
    private static final String SELECT_SNAPSHOTS = "SELECT v.snapshot_id, v.disk_id, v.size_gb, v.name, v.description, "
            + "v.status, v.created_time, v.message FROM snapshot_view v";
    private static final String LIVE = "v.account_id = ? AND v.region_id = ? AND NOT v.deleted";

    private final JdbcTemplate jdbc;
    private final RegionCatalog regions;

    DiskQueryController(JdbcTemplate jdbc, RegionCatalog regions) {
        this.jdbc = jdbc;
        this.regions = regions;
    }

    record DiskAttachment(String attachmentId, String diskId, String instanceType, String instanceId, String status,
                          String attachTime) {
    }

    record Disk(String diskId, String az, String name, String description, String diskType, int diskSizeGB,
                Integer iops, String status, List<DiskAttachment> attachments, String snapshotId,
                boolean multiAttachable, boolean encrypted, boolean enabled, String createTime, List<Object> tags,
                boolean canPutInRecycleBin, String message) {
    }

    record Snapshot(String snapshotId, String snapshotSource, String diskId, int snapshotSizeGB, List<String> images,
                    String name, String description, String status, String createTime, boolean encrypted,
                    String message) {
    }

    record DescribeDiskResult(Disk disk) {
    }

    record DescribeDisksResult(List<Disk> disks, long totalCount) {
    }

    record DescribeSnapshotResult(Snapshot snapshot) {
    }

    record DescribeSnapshotsResult(List<Snapshot> snapshots, long totalCount) {
    }

    @Operation(operationId = "describeDisk", summary = "Describe a cloud disk")
    @GetMapping("/v1/regions/{regionId}/disks/{diskId}")
    ApiResponse<DescribeDiskResult> describeDisk(@PathVariable String regionId, @PathVariable String diskId) {
        regions.require(regionId);
        return ApiResponse.of(new DescribeDiskResult(jdbc.query(SELECT_DISKS + " WHERE v.disk_id = ? AND " + LIVE,
                (rs, row) -> disk(rs), diskId, Caller.current().accountId(), regionId).stream().findFirst()
                .orElseThrow(() -> ApiException.notFound("Disk '" + diskId + "' not found in " + regionId))));
    }

    @Operation(operationId = "describeDisks", summary = "List cloud disks, a page at a time, with filters")
    @GetMapping({"/v1/regions/{regionId}/disks", "/v1/regions/{regionId}/disks/"})
    ApiResponse<DescribeDisksResult> describeDisks(@PathVariable String regionId,
                                                   @RequestParam(defaultValue = "1") int pageNumber,
                                                   @RequestParam(defaultValue = "20") int pageSize,
                                                   HttpServletRequest request) {
        regions.require(regionId);
        Paging paging = new Paging(pageNumber, pageSize);
        SqlQuery query = SqlQuery.where(LIVE, Caller.current().accountId(), regionId);
        for (QueryFilters.Filter filter : QueryFilters.parse(request.getParameterMap())) {
            switch (filter.name().toLowerCase(Locale.ROOT)) {
                case "diskid" -> query.andIn("v.disk_id", filter.values());
                case "disktype" -> query.andIn("v.disk_type", filter.values());
                case "instanceid" -> query.andIn("v.pod_id", filter.values());
                case "status" -> query.andIn("(" + DISK_STATUS + ")", filter.values());
                case "az" -> query.andIn("v.az", filter.values());
                case "name" -> query.andContains("v.name", filter.values().get(0));
                default -> throw ApiException.invalidArgument("Invalid filters." + filter.index() + ".name: unknown "
                        + "filter '" + filter.name() + "'; filters: diskId, diskType, instanceId, status, az, name");
            }
        }
        return ApiResponse.of(new DescribeDisksResult(query.page(jdbc, SELECT_DISKS, "v.created_time DESC, v.disk_id",
                paging.pageSize(), paging.offset(), (rs, row) -> disk(rs)), query.count(jdbc, "disk_view v")));
    }

    @Operation(operationId = "describeSnapshot", summary = "Describe a disk snapshot")
    @GetMapping("/v1/regions/{regionId}/snapshots/{snapshotId}")
    ApiResponse<DescribeSnapshotResult> describeSnapshot(@PathVariable String regionId,
                                                         @PathVariable String snapshotId) {
        regions.require(regionId);
        return ApiResponse.of(new DescribeSnapshotResult(jdbc.query(SELECT_SNAPSHOTS + " WHERE v.snapshot_id = ? AND "
                        + LIVE, (rs, row) -> snapshot(rs), snapshotId, Caller.current().accountId(), regionId).stream()
                .findFirst().orElseThrow(() -> ApiException.notFound("Snapshot '" + snapshotId + "' not found in "
                        + regionId))));
    }

    @Operation(operationId = "describeSnapshots", summary = "List disk snapshots, a page at a time, with filters")
    @GetMapping({"/v1/regions/{regionId}/snapshots", "/v1/regions/{regionId}/snapshots/"})
    ApiResponse<DescribeSnapshotsResult> describeSnapshots(@PathVariable String regionId,
                                                           @RequestParam(defaultValue = "1") int pageNumber,
                                                           @RequestParam(defaultValue = "20") int pageSize,
                                                           @RequestParam(required = false) String snapshotSource,
                                                           HttpServletRequest request) {
        regions.require(regionId);
        if (snapshotSource != null && !"private".equals(snapshotSource)) {
            throw ApiException.invalidArgument("Invalid snapshotSource: only private (the account's own snapshots) "
                    + "is offered; got '" + snapshotSource + "'");
        }
        Paging paging = new Paging(pageNumber, pageSize);
        SqlQuery query = SqlQuery.where(LIVE, Caller.current().accountId(), regionId);
        for (QueryFilters.Filter filter : QueryFilters.parse(request.getParameterMap())) {
            switch (filter.name().toLowerCase(Locale.ROOT)) {
                case "snapshotid" -> query.andIn("v.snapshot_id", filter.values());
                case "diskid" -> query.andIn("v.disk_id", filter.values());
                case "status" -> query.andIn("v.status", filter.values());
                case "name" -> query.andContains("v.name", filter.values().get(0));
                default -> throw ApiException.invalidArgument("Invalid filters." + filter.index() + ".name: unknown "
                        + "filter '" + filter.name() + "'; filters: snapshotId, diskId, status, name");
            }
        }
        return ApiResponse.of(new DescribeSnapshotsResult(query.page(jdbc, SELECT_SNAPSHOTS,
                "v.created_time DESC, v.snapshot_id", paging.pageSize(), paging.offset(), (rs, row) -> snapshot(rs)),
                query.count(jdbc, "snapshot_view v")));
    }

    private static Disk disk(ResultSet rs) throws SQLException {
        String podId = rs.getString(11);
        Timestamp attached = rs.getTimestamp(12);
        Integer iops = rs.getObject(7) == null ? null : rs.getInt(7);
        List<DiskAttachment> attachments = podId == null ? List.of() : List.of(new DiskAttachment(
                rs.getString(1) + "-" + podId, rs.getString(1), "nc", podId, "attached",
                attached == null ? null : ApiDates.format(attached.toInstant())));
        return new Disk(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getInt(6), iops, rs.getString(8), attachments, rs.getString(9), false, false,
                true, ApiDates.format(rs.getTimestamp(10).toInstant()), List.of(), false, rs.getString(13));
    }

    private static Snapshot snapshot(ResultSet rs) throws SQLException {
        return new Snapshot(rs.getString(1), "self", rs.getString(2), rs.getInt(3), List.of(), rs.getString(4),
                rs.getString(5), rs.getString(6), ApiDates.format(rs.getTimestamp(7).toInstant()), false,
                rs.getString(8));
    }
}
