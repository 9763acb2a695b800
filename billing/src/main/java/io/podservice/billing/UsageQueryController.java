package io.podservice.billing;

import io.podservice.api.catalog.RegionCatalog;
import io.podservice.api.web.ApiException;
import io.podservice.api.web.ApiResponse;
import io.podservice.identity.Caller;
import io.swagger.v3.oas.annotations.Operation;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * describeUsage, an extension of the API: the caller's metered usage in a region over a time range,
 * per pod and for the account, as hourly records priced from the price list. The range is by hour:
 * the hours that begin in [startTime rounded down to the hour, endTime). Intervals still open (a pod
 * running now) count up to now.
 */
@RestController
class UsageQueryController {

    private final JdbcTemplate jdbc;
    private final RegionCatalog regions;
    private final PriceList prices;

    UsageQueryController(JdbcTemplate jdbc, RegionCatalog regions, PriceList prices) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.prices = prices;
    }

    record Record(String resourceType, String resource, Instant hourStart, double seconds, BigDecimal amount) {
    }

    record PodUsage(String podId, String instanceType, double runningSeconds, double elasticIpSeconds,
                    BigDecimal amount, List<Record> records) {
    }

    record Usage(String currency, Instant startTime, Instant endTime, double runningSeconds, double elasticIpSeconds,
                 BigDecimal totalAmount, List<PodUsage> pods) {
    }

    record UsageResult(Usage usage) {
    }

    private record Row(String podId, String instanceType, String resourceType, String resource, Instant hour,
                       double seconds) {
    }

    @Operation(operationId = "describeUsage", summary = "Metered running time and elastic IP time, priced, per pod and in all")
    @GetMapping("/v1/regions/{regionId}/usage")
    ApiResponse<UsageResult> describeUsage(@PathVariable String regionId,
                                           @RequestParam(required = false) String podId,
                                           @RequestParam(required = false) String startTime,
                                           @RequestParam(required = false) String endTime) {
        regions.require(regionId);
        String accountId = Caller.current().accountId();
        Instant now = Instant.now();
        Instant from = startTime == null ? Instant.EPOCH : time("startTime", startTime).truncatedTo(ChronoUnit.HOURS);
        Instant to = endTime == null ? now : time("endTime", endTime);
        if (!from.isBefore(to)) {
            throw ApiException.invalidArgument("Invalid endTime: must be after startTime");
        }
        List<Row> rows = new ArrayList<>();
        String podFilter = podId == null ? "" : " AND u.pod_id = ?";
        List<Object> args = new ArrayList<>(List.of(accountId, regionId, Timestamp.from(from), Timestamp.from(to)));
        if (podId != null) {
            args.add(podId);
        }
        jdbc.query("SELECT u.pod_id, p.instance_type, u.resource_type, u.resource, u.hour_start, u.seconds "
                        + "FROM billing_usage u JOIN billing_pod p ON p.pod_id = u.pod_id "
                        + "WHERE u.account_id = ? AND u.region_id = ? AND u.hour_start >= ? AND u.hour_start < ?" + podFilter,
                rs -> {
                    rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getTimestamp(5).toInstant(), rs.getDouble(6)));
                }, args.toArray());
        // what is running (or bound) now, up to now
        List<Object> openArgs = new ArrayList<>(List.of(accountId, regionId));
        if (podId != null) {
            openArgs.add(podId);
        }
        jdbc.query("SELECT pod_id, instance_type, running_since, elastic_ip_id, elastic_ip_since FROM billing_pod "
                + "WHERE account_id = ? AND region_id = ?" + (podId == null ? "" : " AND pod_id = ?")
                + " AND (running_since IS NOT NULL OR elastic_ip_since IS NOT NULL)", rs -> {
                    open(rows, rs.getString(1), rs.getString(2), UsageMeter.INSTANCE, rs.getString(2),
                            rs.getTimestamp(3), now, from, to);
                    open(rows, rs.getString(1), rs.getString(2), UsageMeter.ELASTIC_IP, rs.getString(4),
                            rs.getTimestamp(5), now, from, to);
                }, openArgs.toArray());
        return ApiResponse.of(new UsageResult(summary(rows, from, to)));
    }

    private static void open(List<Row> rows, String podId, String instanceType, String type, String resource,
                             Timestamp since, Instant now, Instant from, Instant to) {
        if (since == null) {
            return;
        }
        for (HourlySplit.Share share : HourlySplit.of(since.toInstant(), now)) {
            if (!share.hourStart().isBefore(from) && share.hourStart().isBefore(to)) {
                rows.add(new Row(podId, instanceType, type, resource, share.hourStart(), share.seconds()));
            }
        }
    }

    private Usage summary(List<Row> rows, Instant from, Instant to) {
        Map<String, List<Row>> byPod = new TreeMap<>();
        rows.forEach(row -> byPod.computeIfAbsent(row.podId(), id -> new ArrayList<>()).add(row));
        Map<String, Integer> bandwidths = new TreeMap<>();
        jdbc.query("SELECT elastic_ip_id, bandwidth_mbps FROM billing_elastic_ip",
                rs -> {
                    bandwidths.put(rs.getString(1), rs.getInt(2));
                });
        List<PodUsage> pods = new ArrayList<>();
        double running = 0;
        double bound = 0;
        BigDecimal total = BigDecimal.ZERO;
        for (Map.Entry<String, List<Row>> pod : byPod.entrySet()) {
            List<Record> records = new ArrayList<>();
            double podRunning = 0;
            double podBound = 0;
            BigDecimal amount = BigDecimal.ZERO;
            for (Row row : pod.getValue().stream().sorted((a, b) -> a.hour().compareTo(b.hour())).toList()) {
                boolean instance = row.resourceType().equals(UsageMeter.INSTANCE);
                BigDecimal price = instance ? prices.running(row.resource(), row.seconds())
                        : prices.elasticIp(bandwidths.getOrDefault(row.resource(), 1), row.seconds());
                records.add(new Record(row.resourceType(), row.resource(), row.hour(), row.seconds(), price));
                podRunning += instance ? row.seconds() : 0;
                podBound += instance ? 0 : row.seconds();
                amount = amount.add(price);
            }
            pods.add(new PodUsage(pod.getKey(), pod.getValue().get(0).instanceType(), podRunning, podBound, amount,
                    records));
            running += podRunning;
            bound += podBound;
            total = total.add(amount);
        }
        return new Usage(prices.getCurrency(), from, to, running, bound, total, pods);
    }

    private static Instant time(String field, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.invalidArgument("Invalid " + field + ": '" + value
                    + "' is not an ISO-8601 UTC time such as 2026-11-27T10:00:00Z");
        }
    }
}
