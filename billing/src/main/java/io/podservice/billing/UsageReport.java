package io.podservice.billing;

import io.podservice.api.catalog.PriceList;

import io.podservice.persistence.SqlQuery;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The caller's metered usage in a region over a time range, per pod and for the account, as hourly
 * records priced from the price list. The range is by hour: the hours that begin in [from, to).
 * Intervals still open (a pod running now) count up to now.
 */
@Component
public class UsageReport {

    private final JdbcTemplate jdbc;
    private final PriceList prices;

    UsageReport(JdbcTemplate jdbc, PriceList prices) {
        this.jdbc = jdbc;
        this.prices = prices;
    }

    public record Record(String resourceType, String resource, Instant hourStart, double seconds, BigDecimal amount) {
    }

    public record PodUsage(String podId, String instanceType, double runningSeconds, double elasticIpSeconds,
                           BigDecimal amount, List<Record> records) {
    }

    public record Usage(String currency, Instant startTime, Instant endTime, double runningSeconds,
                        double elasticIpSeconds, BigDecimal totalAmount, List<PodUsage> pods) {
    }

    private record Row(String podId, String instanceType, String resourceType, String resource, Instant hour,
                       double seconds) {
    }

    /** The usage of the account's pods (or of {@code podId} alone) in the hours [from, to). */
    public Usage of(String accountId, String regionId, String podId, Instant from, Instant to) {
        Instant now = Instant.now();
        List<Row> rows = new ArrayList<>();
        SqlQuery metered = SqlQuery.where("u.account_id = ? AND u.region_id = ? AND u.hour_start >= ? AND u.hour_start < ?",
                accountId, regionId, Timestamp.from(from), Timestamp.from(to)).andIfPresent(podId, "u.pod_id = ?");
        jdbc.query("SELECT u.pod_id, p.instance_type, u.resource_type, u.resource, u.hour_start, u.seconds "
                        + "FROM billing_usage u JOIN billing_pod p ON p.pod_id = u.pod_id WHERE " + metered.sql(),
                rs -> {
                    rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getTimestamp(5).toInstant(), rs.getDouble(6)));
                }, metered.args());
        // what is running (or bound) now, up to now
        SqlQuery open = SqlQuery.where("account_id = ? AND region_id = ?", accountId, regionId)
                .andIfPresent(podId, "pod_id = ?").and("running_since IS NOT NULL OR elastic_ip_since IS NOT NULL");
        jdbc.query("SELECT pod_id, instance_type, running_since, elastic_ip_id, elastic_ip_since FROM billing_pod WHERE "
                + open.sql(), rs -> {
                    open(rows, rs.getString(1), rs.getString(2), UsageMeter.INSTANCE, rs.getString(2),
                            rs.getTimestamp(3), now, from, to);
                    open(rows, rs.getString(1), rs.getString(2), UsageMeter.ELASTIC_IP, rs.getString(4),
                            rs.getTimestamp(5), now, from, to);
                }, open.args());
        return summary(rows, from, to);
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

}
