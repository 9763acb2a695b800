package io.podservice.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Read-your-writes for every resource, with no retry: each kind is created 50 times and described
 * at once, every time; a modify or a delete that has returned is seen by the next describe, and by
 * the lists.
 */
class ReadYourWritesTest extends ServiceTest {

    private static final String BASE = "/v1/regions/" + REGION;
    private static final int TIMES = 50;

    private ApiClient api;

    @org.junit.jupiter.api.BeforeEach
    void client() {
        api = apiAs("consistency");
    }

    @Test
    void secretsAreFoundAtOnceAndGoneAtOnce() {
        List<String> names = createEach(i -> {
            String name = "ryw-" + i;
            ok(api.post(BASE + "/secrets", """
                    {"name": "%s", "secretType": "docker-registry",
                     "data": {"server": "%s", "username": "%s", "password": "%s"}}"""
                    .formatted(name, b64("registry.example"), b64("u"), b64("p"))));
            return name;
        }, name -> BASE + "/secrets/" + name, "secret", "name");
        assertThat(total(BASE + "/secrets?pageSize=100")).isEqualTo(TIMES);
        for (String name : names) {
            ok(api.delete(BASE + "/secrets/" + name));
            assertThat(api.get(BASE + "/secrets/" + name).errorStatus()).as("secret %s after its delete", name)
                    .isEqualTo("NOT_FOUND");
        }
        assertThat(total(BASE + "/secrets?pageSize=100")).isZero();
    }

    @Test
    void networkResourcesAreFoundAtOnceAndGoneAtOnce() {
        List<String> vpcs = createEach(i -> ok(api.post(BASE + "/vpcs/", "{\"vpcName\": \"ryw-" + i + "\"}"))
                .path("vpcId").asText(), id -> BASE + "/vpcs/" + id, "vpc", "vpcId");
        String vpc = ok(api.post(BASE + "/vpcs/", "{\"vpcName\": \"ryw-subnets\", \"addressPrefix\": \"10.150.0.0/16\"}"))
                .path("vpcId").asText();
        List<String> subnets = createEach(i -> ok(api.post(BASE + "/subnets/", """
                {"vpcId": "%s", "subnetName": "ryw-%d", "addressPrefix": "10.150.%d.0/24"}""".formatted(vpc, i, i)))
                .path("subnetId").asText(), id -> BASE + "/subnets/" + id, "subnet", "subnetId");
        List<String> groups = createEach(i -> ok(api.post(BASE + "/networkSecurityGroups/", """
                {"vpcId": "%s", "networkSecurityGroupName": "ryw-%d"}""".formatted(vpc, i)))
                .path("networkSecurityGroupId").asText(), id -> BASE + "/networkSecurityGroups/" + id,
                "networkSecurityGroup", "networkSecurityGroupId");
        List<String> elasticIps = createEach(i -> ok(api.post(BASE + "/elasticIps/", """
                {"maxCount": 1, "elasticIpSpec": {"bandwidthMbps": 1}}""")).path("elasticIpIds").get(0).asText(),
                id -> BASE + "/elasticIps/" + id, "elasticIp", "elasticIpId");
        assertThat(total(BASE + "/elasticIps/?pageSize=100")).as("a list right after the creates").isEqualTo(TIMES);

        String rule = ok(api.post(BASE + "/networkSecurityGroups/" + groups.get(0) + ":addNetworkSecurityGroupRules", """
                {"networkSecurityGroupRuleSpecs": [{"protocol": 6, "direction": 0, "addressPrefix": "0.0.0.0/0",
                  "fromPort": 80, "toPort": 80}]}""")).path("securityGroupRules").get(0).path("ruleId").asText();
        assertThat(ok(api.get(BASE + "/networkSecurityGroups/" + groups.get(0))).path("networkSecurityGroup")
                .path("securityGroupRules").get(0).path("ruleId").asText()).as("a rule right after it was added")
                .isEqualTo(rule);

        deleteEach(elasticIps, id -> BASE + "/elasticIps/" + id);
        deleteEach(groups, id -> BASE + "/networkSecurityGroups/" + id);
        deleteEach(subnets, id -> BASE + "/subnets/" + id);
        deleteEach(vpcs, id -> BASE + "/vpcs/" + id);
        ok(api.delete(BASE + "/vpcs/" + vpc));
        assertThat(total(BASE + "/elasticIps/?pageSize=100")).as("a list right after the deletes").isZero();
    }

    @Test
    void podsAreFoundAtOnceAndChangedAtOnce() {
        List<String> pods = createEach(i -> ok(api.post(BASE + "/pods", """
                {"podSpec": {"name": "ryw-%d", "instanceType": "g.n2.medium", "terminationGracePeriodSeconds": 0,
                 "containers": [{"name": "app", "image": "%s", "command": ["sleep", "3600"]}]}}""".formatted(i, IMAGE)))
                .path("podIds").get(0).asText(), id -> BASE + "/pods/" + id, "pod", "podId");
        for (String podId : pods) {
            ok(api.send("PATCH", BASE + "/pods/" + podId + ":modifyPodAttribute", "{\"description\": \"seen-" + podId + "\"}"));
            assertThat(ok(api.get(BASE + "/pods/" + podId)).path("pod").path("description").asText())
                    .as("pod %s right after its modify", podId).isEqualTo("seen-" + podId);
        }
        for (String podId : pods) {
            awaitPhase(api, podId, "running", "error");
            ok(api.delete(BASE + "/pods/" + podId));
            assertThat(ok(api.get(BASE + "/pods/" + podId)).path("pod").path("podStatus").path("phase").asText())
                    .as("pod %s right after its delete", podId).isEqualTo("deleting");
        }
    }

    /** Creates one resource TIMES times; each is described at once (no retry) and found, with its id. */
    private List<String> createEach(Function<Integer, String> create, Function<String, String> path, String field,
                                    String idField) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < TIMES; i++) {
            String id = create.apply(i);
            ApiClient.Response described = api.get(path.apply(id));
            assertThat(described.status()).as("describe right after create #%d: %s", i, described.raw()).isEqualTo(200);
            assertThat(described.body().path("result").path(field).path(idField).asText()).isEqualTo(id);
            ids.add(id);
        }
        return ids;
    }

    private void deleteEach(List<String> ids, Function<String, String> path) {
        for (String id : ids) {
            ok(api.delete(path.apply(id)));
            assertThat(api.get(path.apply(id)).errorStatus()).as("%s right after its delete", id).isEqualTo("NOT_FOUND");
        }
    }

    private long total(String path) {
        return ok(api.get(path)).path("totalCount").asLong();
    }
}
