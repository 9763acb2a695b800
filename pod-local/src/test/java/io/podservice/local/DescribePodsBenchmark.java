package io.podservice.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.podservice.events.ContainerDefinition;
import io.podservice.events.EventJson;
import io.podservice.events.PodDefinition;
import io.podservice.events.PodSpecParts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Not a test: a benchmark, excluded from the suite and run by {@code scripts/bench-describe-pods.sh}.
 * Loads 100,000 pods of one account into the read model, then measures describePods through the
 * signed HTTP API for several filter and page combinations and prints p50 / p99 (and writes them
 * to target/describe-pods-benchmark.md for docs/performance.md).
 */
class DescribePodsBenchmark extends ServiceTest {

    private static final int PODS = Integer.getInteger("bench.pods", 100_000);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 200);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 300);

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void describePodsAt100kPods() throws Exception {
        String accountId = jdbc.queryForObject("SELECT account_id FROM account WHERE name = 'query'", String.class);
        long loadStart = System.nanoTime();
        load(accountId);
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        // the rows went in beside the projection, so the totals are recounted as the migration does
        jdbc.update("DELETE FROM pod_view_counts WHERE account_id = ?", accountId);
        jdbc.update("DELETE FROM pod_view_tag_counts WHERE account_id = ?", accountId);
        jdbc.update("INSERT INTO pod_view_counts SELECT account_id, region_id, phase, COALESCE(az, ''), count(*) "
                + "FROM pod_view WHERE NOT deleted AND account_id = ? GROUP BY 1, 2, 3, 4", accountId);
        jdbc.update("INSERT INTO pod_view_tag_counts SELECT account_id, region_id, t.key, t.value, count(*) "
                + "FROM pod_view, jsonb_each_text(tags) AS t(key, value) WHERE NOT deleted AND account_id = ? "
                + "GROUP BY 1, 2, 3, 4", accountId);
        jdbc.execute("VACUUM ANALYZE pod_view");

        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("describePods, no filter, page 1 of 20", "/pods?pageSize=20");
        cases.put("describePods, no filter, page 1 of 100", "/pods?pageSize=100");
        cases.put("describePods, no filter, page 500 of 100 (deep)", "/pods?pageSize=100&pageNumber=500");
        cases.put("describePods, podId, 5 ids", "/pods?filters.1.name=podId" + ids());
        cases.put("describePods, phase=stopped (10%)", "/pods?filters.1.name=phase&filters.1.values.1=stopped");
        cases.put("describePods, name fuzzy 'web-1234'", "/pods?filters.1.name=name&filters.1.values.1=web-1234");
        cases.put("describePods, privateIpAddress fuzzy '10.1.2.'", "/pods?filters.1.name=privateIpAddress&filters.1.values.1=10.1.2.");
        cases.put("describePods, az + phase", "/pods?filters.1.name=az&filters.1.values.1=cn-north-1b&filters.2.name=phase&filters.2.values.1=running");
        cases.put("describePods, tag env=prod", "/pods?tags.1.key=env&tags.1.values.1=prod");
        cases.put("describePods, tag key team", "/pods?tags.1.key=team");
        cases.put("describePodsStatus, page 1 of 20", "/podsStatus?pageSize=20");
        cases.put("describePodsStatus, page 1 of 500", "/podsStatus?pageSize=500");
        cases.put("describePodsStatus, phase=stopped (10%)", "/podsStatus?filters.1.name=phase&filters.1.values.1=stopped");

        if (Boolean.getBoolean("bench.explain")) {
            explain(accountId);
        }
        ApiClient client = apiAs("query");
        StringBuilder table = new StringBuilder("| request | p50 ms | p99 ms | totalCount |\n|---|---|---|---|\n");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            String path = "/v1/regions/" + REGION + c.getValue();
            long[] samples = new long[ROUNDS];
            int total = 0;
            for (int i = 0; i < WARMUP + ROUNDS; i++) {
                long start = System.nanoTime();
                ApiClient.Response response = client.get(path);
                long elapsed = System.nanoTime() - start;
                assertThat(response.status()).as(response.raw()).isEqualTo(200);
                total = response.body().path("result").path("totalCount").asInt();
                if (i >= WARMUP) {
                    samples[i - WARMUP] = elapsed;
                }
            }
            Arrays.sort(samples);
            String row = String.format("| %s | %.1f | %.1f | %d |%n", c.getKey(), samples[ROUNDS / 2] / 1e6,
                    samples[(int) Math.ceil(ROUNDS * 0.99) - 1] / 1e6, total);
            table.append(row);
            System.out.print("[bench] " + row);
        }
        String report = "Loaded " + PODS + " pods into the read model in " + String.format("%.0f", loadSeconds) + " s; "
                + ROUNDS + " requests per row after " + WARMUP + " warm-up, sequential, signed, over loopback HTTP, "
                + LocalDate.now() + ", " + Runtime.getRuntime().availableProcessors() + " cores.\n\n" + table;
        Files.writeString(Path.of("target", "describe-pods-benchmark.md"), report, StandardCharsets.UTF_8);
        System.out.println(report);
    }

    /** Query plans of the statements describePods runs, for a few cases. */
    private void explain(String accountId) {
        String base = "account_id = '" + accountId + "' AND region_id = '" + REGION + "' AND NOT deleted";
        for (String where : List.of(base, base + " AND az IN ('cn-north-1b') AND phase IN ('running')",
                base + " AND tags ->> 'env' IN ('prod')", base + " AND tags ? 'team'")) {
            for (String sql : List.of("SELECT count(*) FROM pod_view WHERE " + where,
                    "SELECT pod_id, definition, container_statuses FROM pod_view WHERE " + where
                            + " ORDER BY create_time DESC, pod_id LIMIT 20 OFFSET 0")) {
                System.out.println("[plan] " + sql);
                jdbc.queryForList("EXPLAIN (ANALYZE, BUFFERS) " + sql, String.class)
                        .forEach(line -> System.out.println("[plan]   " + line));
            }
        }
    }

    private String ids() {
        StringBuilder out = new StringBuilder();
        for (int i = 1; i <= 5; i++) {
            out.append("&filters.1.values.").append(i).append("=pod-bench").append(i * 1000);
        }
        return out.toString();
    }

    /** Rows as the projection writes them, in batches; a tenth stopped, tags on half, two zones. */
    private void load(String accountId) {
        String[] phases = {"running", "running", "running", "running", "running", "running", "running", "running",
                "running", "stopped"};
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        List<Object[]> batch = new ArrayList<>();
        for (int i = 0; i < PODS; i++) {
            Map<String, String> tags = i % 2 == 0 ? Map.of("env", i % 4 == 0 ? "prod" : "dev", "team", "t" + (i % 7))
                    : Map.of();
            PodDefinition definition = new PodDefinition("web-" + i, null, null, "g.n2.medium",
                    i % 2 == 0 ? "cn-north-1a" : "cn-north-1b", null, "Always", 30, 1, 4096,
                    List.of(new ContainerDefinition("app", "busybox:1", List.of("sleep"), List.of("3600"), List.of(), null,
                            false, null, new PodSpecParts.Resources(1, 4096), null, List.of(), null, null)),
                    null, List.of(), List.of(), tags, null, null, null, null, null);
            batch.add(new Object[] {"pod-bench" + i, accountId, REGION, definition.name(), definition.az(),
                    phases[i % 10], "10." + (i / 65536 % 256) + "." + (i / 256 % 256) + "." + (i % 256),
                    Timestamp.from(base.plusSeconds(i)), new String(EventJson.write(definition), StandardCharsets.UTF_8),
                    EventJson.newMapper().valueToTree(tags).toString()});
            if (batch.size() == 2000 || i == PODS - 1) {
                jdbc.batchUpdate("""
                        INSERT INTO pod_view (pod_id, account_id, region_id, name, az, instance_type, phase, pod_ip,
                                              start_time, create_time, definition, container_statuses, last_sequence,
                                              last_event_time, projected_at, tags, container_count)
                        VALUES (?, ?, ?, ?, ?, 'g.n2.medium', ?, ?, ?, ?, ?::jsonb, '[]', 1, now(), now(), ?::jsonb, 1)
                        ON CONFLICT (pod_id) DO NOTHING""",
                        batch.stream().map(r -> new Object[] {r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[7], r[8],
                                r[9]}).toList());
                batch.clear();
            }
        }
    }
}
