package io.podservice.audit;

import io.podservice.api.catalog.RegionCatalog;
import io.podservice.api.web.ApiException;
import io.podservice.api.web.ApiResponse;
import io.podservice.api.web.Paging;
import io.podservice.identity.Caller;
import io.podservice.persistence.SqlQuery;
import io.swagger.v3.oas.annotations.Operation;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * describeAuditEvents, an extension of the API: the caller's audit records in a region, oldest
 * first, filtered by resource id, operation and time range ([startTime, endTime)), a page at a time.
 */
@RestController
class AuditQueryController {

    private final JdbcTemplate jdbc;
    private final RegionCatalog regions;

    AuditQueryController(JdbcTemplate jdbc, RegionCatalog regions) {
        this.jdbc = jdbc;
        this.regions = regions;
    }

    record AuditEvent(String eventId, String operation, String resourceType, String resourceId, String accountId,
                      String accessKeyId, String requestId, Instant time, String outcome, String outcomeMessage,
                      String eventType) {
    }

    record AuditEventsResult(List<AuditEvent> auditEvents, long totalCount) {
    }

    @Operation(operationId = "describeAuditEvents",
            summary = "Who did what and when: the account's audit records, filtered by resource, operation and time")
    @GetMapping("/v1/regions/{regionId}/auditEvents")
    ApiResponse<AuditEventsResult> describeAuditEvents(@PathVariable String regionId,
                                                       @RequestParam(required = false) String resourceId,
                                                       @RequestParam(required = false) String operation,
                                                       @RequestParam(required = false) String startTime,
                                                       @RequestParam(required = false) String endTime,
                                                       @RequestParam(defaultValue = "1") int pageNumber,
                                                       @RequestParam(defaultValue = "20") int pageSize) {
        regions.require(regionId);
        Paging paging = new Paging(pageNumber, pageSize);
        SqlQuery query = SqlQuery.where("account_id = ? AND region_id = ?", Caller.current().accountId(), regionId)
                .andIfPresent(resourceId, "resource_id = ?")
                .andIfPresent(operation, "operation = ?")
                .andIfPresent(startTime == null ? null : Timestamp.from(time("startTime", startTime)), "occurred_at >= ?")
                .andIfPresent(endTime == null ? null : Timestamp.from(time("endTime", endTime)), "occurred_at < ?");
        List<AuditEvent> events = query.page(jdbc, "SELECT * FROM audit_record",
                "occurred_at, resource_id, aggregate_sequence", paging.pageSize(), paging.offset(),
                AuditQueryController::event);
        return ApiResponse.of(new AuditEventsResult(events, query.count(jdbc, "audit_record")));
    }

    private static Instant time(String field, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.invalidArgument("Invalid " + field + ": '" + value
                    + "' is not an ISO-8601 UTC time such as 2026-11-27T10:00:00Z");
        }
    }

    private static AuditEvent event(ResultSet rs, int row) throws SQLException {
        return new AuditEvent(rs.getString("event_id"), rs.getString("operation"), rs.getString("resource_type"),
                rs.getString("resource_id"), rs.getString("account_id"), rs.getString("access_key_id"),
                rs.getString("request_id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("outcome"),
                rs.getString("outcome_message"), rs.getString("event_type"));
    }
}
