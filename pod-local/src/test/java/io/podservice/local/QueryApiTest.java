package io.podservice.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.podservice.query.pods.PodProjectionRebuild;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The read side through the API: filters, tags, pages, describeContainer, quotas, instance types, replay. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryApiTest extends ServiceTest {

    private static final String BASE = "/v1/regions/" + REGION;
    private static final String PODS = BASE + "/pods";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PodProjectionRebuild rebuild;

    private final List<String> pods = new ArrayList<>();

    /** Twelve pods of the account "query": names alpha-0..5 and beta-0..5, tags, two zones, two groups. */
    @BeforeAll
    void createPods() {
        ApiClient query = apiAs("query");
        for (int i = 0; i < 12; i++) {
            boolean alpha = i < 6;
            ApiClient.Response created = query.post(PODS, """
                    {"podSpec": {"name": "%s-%d", "instanceType": "g.n2.medium", "az": "%s", "agId": "%s",
                     "userTags": [{"key": "env", "value": "%s"}%s],
                     "containers": [{"name": "app", "image": "%s", "command": ["sleep", "3600"]},
                                    {"name": "side", "image": "%s", "command": ["sleep", "3600"]}]}}"""
                    .formatted(alpha ? "alpha" : "beta", i % 6, i % 2 == 0 ? "cn-north-1a" : "cn-north-1b",
                            i % 3 == 0 ? "ag-1" : "ag-2", alpha ? "prod" : "dev",
                            i == 0 ? ", {\"key\": \"owner\", \"value\": \"ann\"}" : "", IMAGE, IMAGE));
            assertThat(created.status()).as(created.raw()).isEqualTo(200);
            pods.add(created.body().path("result").path("podIds").get(0).asText());
        }
        for (String podId : pods) {
            await().atMost(Duration.ofSeconds(120)).until(() -> "running".equals(query.get(PODS + "/" + podId).body()
                    .path("result").path("pod").path("podStatus").path("phase").asText()));
        }
    }

    @Test
    void everyFilterMatchesByItsRule() {
        assertThat(total("filters.1.name=podId&filters.1.values.1=" + pods.get(0) + "&filters.1.values.2=" + pods.get(7)))
                .isEqualTo(2);
        assertThat(total("filters.1.name=name&filters.1.values.1=alph")).as("name is fuzzy").isEqualTo(6);
        assertThat(total("filters.1.name=phase&filters.1.values.1=running&filters.1.values.2=stopped")).isEqualTo(12);
        assertThat(total("filters.1.name=phase&filters.1.values.1=stopped")).isZero();
        assertThat(total("filters.1.name=az&filters.1.values.1=cn-north-1b")).isEqualTo(6);
        assertThat(total("filters.1.name=agId&filters.1.values.1=ag-1")).isEqualTo(4);
        assertThat(total("filters.1.name=privateIpAddress&filters.1.values.1=100.")).as("the account's network, 100.64.0.0/10").isEqualTo(12);
        assertThat(total("filters.1.name=vpcId&filters.1.values.1=vpc-1")).as("no pod is in a VPC yet").isZero();
        assertThat(total("filters.1.name=name&filters.1.values.1=alpha&filters.2.name=az&filters.2.values.1=cn-north-1a"))
                .as("filters combine").isEqualTo(3);
        ApiClient.Response twoFuzzy = apiAs("query").get(PODS + "?filters.1.name=name&filters.1.values.1=a&filters.1.values.2=b");
        assertThat(twoFuzzy.errorStatus()).isEqualTo("INVALID_ARGUMENT");
    }

    @Test
    void tagsMatchByKeyOrByKeyAndValues() {
        assertThat(total("tags.1.key=env")).isEqualTo(12);
        assertThat(total("tags.1.key=env&tags.1.values.1=prod")).isEqualTo(6);
        assertThat(total("tags.1.key=env&tags.1.values.1=prod&tags.1.values.2=dev")).isEqualTo(12);
        assertThat(total("tags.1.key=owner")).isEqualTo(1);
        assertThat(total("tags.1.key=env&tags.1.values.1=dev&tags.2.key=owner")).isZero();
        assertThat(total("tags.1.key=env&tags.1.values.1=dev&filters.1.name=az&filters.1.values.1=cn-north-1a"))
                .isEqualTo(3);
    }

    @Test
    void pagesAreStableNewestFirstWithinBounds() {
        JsonNode first = page("pageSize=10&pageNumber=1");
        JsonNode second = page("pageSize=10&pageNumber=2");
        assertThat(first.path("totalCount").asInt()).isEqualTo(12);
        assertThat(first.path("pods")).hasSize(10);
        assertThat(second.path("pods")).hasSize(2);
        List<String> order = new ArrayList<>(first.path("pods").findValuesAsText("podId"));
        order.addAll(second.path("pods").findValuesAsText("podId"));
        assertThat(order).containsExactlyInAnyOrderElementsOf(pods);
        List<String> newestFirst = new ArrayList<>(pods);
        java.util.Collections.reverse(newestFirst);
        assertThat(order).as("newest first").isEqualTo(newestFirst);
        assertThat(page("pageSize=10&pageNumber=5").path("pods")).isEmpty();
        assertThat(page("").path("pods")).as("default page size 20").hasSize(12);
        for (String bad : List.of("pageSize=9", "pageSize=101", "pageNumber=0")) {
            ApiClient.Response response = apiAs("query").get(PODS + "?" + bad);
            assertThat(response.errorStatus()).as(bad).isEqualTo("INVALID_ARGUMENT");
            assertThat(response.body().path("error").path("message").asText()).contains(bad.substring(0, bad.indexOf('=')));
        }
    }

    @Test
    void describeContainerAnswersOneContainerOr404() {
        JsonNode container = apiAs("query").get(PODS + "/" + pods.get(0) + "/containers/side").body()
                .path("result").path("container");
        assertThat(container.path("name").asText()).isEqualTo("side");
        assertThat(container.path("containerStatus").path("state").has("running")).isTrue();
        ApiClient.Response missing = apiAs("query").get(PODS + "/" + pods.get(0) + "/containers/nope");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body().path("error").path("message").asText()).contains("nope");
        assertThat(api().get(PODS + "/" + pods.get(0) + "/containers/side").status()).as("other accounts").isEqualTo(404);
    }

    @Test
    void describeQuotaReportsLimitsAndUse() {
        JsonNode pod = quota(apiAs("query"), "pod");
        assertThat(pod.path("limit").asInt()).isEqualTo(100);
        assertThat(pod.path("used").asInt()).isEqualTo(12);
        assertThat(quota(apiAs("query"), "container").path("used").asInt()).isEqualTo(24);
        JsonNode imageCache = quota(apiAs("query"), "imageCache");
        assertThat(imageCache.path("limit").asInt()).as("the default limit").isEqualTo(20);
        assertThat(imageCache.path("used").asInt()).as("this account has made none").isZero();
        assertThat(apiAs("query").get(BASE + "/quotas?resourceType=gpu").errorStatus()).isEqualTo("INVALID_ARGUMENT");
    }

    @Test
    void quotaHoldsUnderConcurrentCreatesAndMovesWithDeletes() throws Exception {
        ApiClient quota = apiAs("quota");
        String body = """
                {"podSpec": {"name": "q", "instanceType": "g.n2.medium", "terminationGracePeriodSeconds": 1,
                 "containers": [{"name": "app", "image": "%s", "command": ["sleep", "3600"]}]}}""".formatted(IMAGE);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<ApiClient.Response>> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            answers.add(pool.submit((Callable<ApiClient.Response>) () -> quota.post(PODS, body)));
        }
        List<String> created = new ArrayList<>();
        int refused = 0;
        for (Future<ApiClient.Response> answer : answers) {
            ApiClient.Response response = answer.get(120, TimeUnit.SECONDS);
            if (response.status() == 200) {
                created.add(response.body().path("result").path("podIds").get(0).asText());
            } else {
                assertThat(response.errorStatus()).as(response.raw()).isEqualTo("QUOTA_EXCEEDED");
                assertThat(response.body().path("error").path("message").asText()).contains("pod quota").contains("10");
                refused++;
            }
        }
        pool.shutdown();
        assertThat(created).as("exactly the limit").hasSize(10);
        assertThat(refused).isEqualTo(10);
        await().atMost(Duration.ofSeconds(30)).until(() -> quota(quota, "pod").path("used").asInt() == 10);

        for (String podId : created.subList(0, 2)) {
            await().atMost(Duration.ofSeconds(90)).until(() -> quota.delete(PODS + "/" + podId).status() == 200);
        }
        await().atMost(Duration.ofSeconds(90)).until(() -> quota(quota, "pod").path("used").asInt() == 8);
        // best effort: five asked, two fit
        ApiClient.Response some = quota.post(PODS, body.replace("{\"podSpec\"", "{\"maxCount\": 5, \"podSpec\""));
        assertThat(some.status()).as(some.raw()).isEqualTo(200);
        assertThat(some.body().path("result").path("podIds")).hasSize(2);
        await().atMost(Duration.ofSeconds(30)).until(() -> quota(quota, "pod").path("used").asInt() == 10);
    }

    @Test
    void describeInstanceTypesListsTheCatalogWithFilters() {
        JsonNode all = apiAs("query").get(BASE + "/instanceTypes").body().path("result");
        assertThat(all.path("totalCount").asInt()).isGreaterThanOrEqualTo(7);
        assertThat(all.path("instanceTypes").findValuesAsText("family")).contains("g.n2", "c.n2", "m.n2");
        JsonNode one = apiAs("query").get(BASE + "/instanceTypes?filters.1.name=instanceTypes&filters.1.values.1=m.n2.large")
                .body().path("result");
        assertThat(one.path("totalCount").asInt()).isEqualTo(1);
        JsonNode type = one.path("instanceTypes").get(0);
        assertThat(type.path("cpu").asDouble()).isEqualTo(2.0);
        assertThat(type.path("memoryMB").asInt()).isEqualTo(16384);
        assertThat(type.path("state")).hasSize(3);
        assertThat(type.path("cloudDiskTypes").toString()).contains("ssd.gp1");
        JsonNode inB = apiAs("query").get(BASE + "/instanceTypes?filters.1.name=az&filters.1.values.1=cn-north-1b")
                .body().path("result").path("instanceTypes").get(0);
        assertThat(inB.path("state")).hasSize(1);
        assertThat(inB.path("state").get(0).path("az").asText()).isEqualTo("cn-north-1b");
    }

    @Test
    void aReplayFromTheEventStoreReproducesTheReadModel() {
        String accountId = jdbc.queryForObject("SELECT account_id FROM account WHERE name = 'query'", String.class);
        // a live secret and a deleted one, both settled in the read model
        // the data's values Base64, as createSecret takes them: registry.example, u, p
        String secret = "{\"name\": \"%s\", \"secretType\": \"docker-registry\", \"data\": {\"server\": "
                + "\"cmVnaXN0cnkuZXhhbXBsZQ==\", \"username\": \"dQ==\", \"password\": \"cA==\"}}";
        ApiClient query = apiAs("query");
        assertThat(query.post(BASE + "/secrets", secret.formatted("kept")).status()).isEqualTo(200);
        assertThat(query.post(BASE + "/secrets", secret.formatted("dropped")).status()).isEqualTo(200);
        assertThat(query.delete(BASE + "/secrets/dropped").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> query.get(BASE + "/secrets/kept").status() == 200
                && query.get(BASE + "/secrets/dropped").status() == 404);
        List<Map<String, Object>> before = model(accountId);
        List<Map<String, Object>> totalsBefore = totals(accountId);
        assertThat(before).hasSize(12);
        assertThat(rebuild.rebuild()).isPositive();
        assertThat(model(accountId)).isEqualTo(before);
        assertThat(totals(accountId)).isEqualTo(totalsBefore);
    }

    private List<Map<String, Object>> totals(String accountId) {
        List<Map<String, Object>> rows = new ArrayList<>(jdbc.queryForList("SELECT region_id, phase, az, pods FROM "
                + "pod_view_counts WHERE account_id = ? AND pods <> 0 ORDER BY 1, 2, 3", accountId));
        rows.addAll(jdbc.queryForList("SELECT region_id, tag_key, tag_value, pods FROM pod_view_tag_counts "
                + "WHERE account_id = ? AND pods <> 0 ORDER BY 1, 2, 3", accountId));
        rows.addAll(jdbc.queryForList("SELECT secret_id, region_id, name, secret_type, server, username, email, created_at, "
                + "deleted, last_sequence FROM secret_view WHERE account_id = ? ORDER BY secret_id", accountId));
        return rows;
    }

    private List<Map<String, Object>> model(String accountId) {
        return model(jdbc, accountId);
    }

    /** An account's rows of the describePods read model, every column but the projection's own clock. */
    static List<Map<String, Object>> model(org.springframework.jdbc.core.JdbcTemplate jdbc, String accountId) {
        return jdbc.queryForList("""
                SELECT pod_id, account_id, region_id, name, description, az, instance_type, phase, reason, message, pod_ip,
                       start_time, create_time, definition::text, container_statuses::text, deleted, ready, ready_since,
                       last_sequence, last_event_time, ag_id, tags::text, container_count, node_id, node_url, vpc_id,
                       subnet_id, elastic_ip_id
                  FROM pod_view WHERE account_id = ? ORDER BY pod_id""", accountId);
    }

    private int total(String query) {
        return page(query + "&pageSize=100").path("totalCount").asInt();
    }

    private JsonNode page(String query) {
        ApiClient.Response response = apiAs("query").get(PODS + (query.isEmpty() ? "" : "?" + query));
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.body().path("result");
    }

    private static JsonNode quota(ApiClient client, String type) {
        return client.get(BASE + "/quotas?resourceType=" + type).body().path("result").path("quota");
    }
}
