package io.podservice.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Pod templates held to createPods' rules: a template is stored only when createPods would take it,
 * an update that would break it leaves it as it was, verifyPodTemplate names everything that went
 * away since (here a config file and a subnet, both in one answer), another account's template is
 * not found, and the podTemplate quota holds.
 */
class PodTemplatesTest extends ServiceTest {

    private static final String REGION_PATH = "/v1/regions/" + REGION;
    private static final String TEMPLATES = REGION_PATH + "/podTemplates";

    @Test
    void aTemplateIsCheckedAsCreatePodsWouldAndVerifyNamesWhatWentAway() {
        String vpc = ok(api().post(REGION_PATH + "/vpcs", """
                {"vpcName": "templates", "addressPrefix": "10.47.0.0/16"}""")).path("vpcId").asText();
        String subnet = ok(api().post(REGION_PATH + "/subnets", """
                {"subnetName": "templates-1", "vpcId": "%s", "addressPrefix": "10.47.1.0/24"}""".formatted(vpc)))
                .path("subnetId").asText();
        String file = "tpl-" + TestRun.ID;
        ok(api().post(REGION_PATH + "/configFiles", """
                {"name": "%s", "data": [{"key": "app.conf", "value": "%s"}]}""".formatted(file, b64("x"))));

        // a container's resources past the instance type: refused as createPods refuses them, nothing stored
        expect(api().post(TEMPLATES, body("too-big", subnet, file, "\"resources\": {\"limits\": {\"cpu\": 64}},")),
                400, "podTemplateSpec.containers[0].resources.limits");

        String id = ok(api().post(TEMPLATES, body("web", subnet, file, ""))).path("podTemplateId").asText();
        assertThat(id).startsWith("pt-");
        JsonNode data = ok(api().get(TEMPLATES + "/" + id)).path("podTemplate").path("podTemplateData");
        assertThat(data.path("vpcId").asText()).isEqualTo(vpc);
        assertThat(data.path("volumes").get(0).path("configFile").path("name").asText()).isEqualTo(file);
        ok(api().get(TEMPLATES + "/" + id + ":verify"));

        // an update that would name a config file that does not exist: refused, the template as it was
        expect(api().patch(TEMPLATES + "/" + id, """
                {"podTemplateSpec": {"volumes": [{"name": "cfg", "configFile": {"name": "no-such-file"}}]}}"""),
                400, "podTemplateSpec.volumes[0].configFile.name");
        assertThat(ok(api().get(TEMPLATES + "/" + id)).path("podTemplate").path("podTemplateData")).isEqualTo(data);

        // another account's template is not found, whatever it asks
        assertThat(otherApi().get(TEMPLATES + "/" + id).status()).isEqualTo(404);
        assertThat(otherApi().get(TEMPLATES + "/" + id + ":verify").status()).isEqualTo(404);
        assertThat(otherApi().patch(TEMPLATES + "/" + id, "{\"name\": \"mine\"}").status()).isEqualTo(404);
        assertThat(otherApi().delete(TEMPLATES + "/" + id).status()).isEqualTo(404);

        // what it names goes away (a template holds nothing): verify names both problems in one answer
        ok(api().delete(REGION_PATH + "/configFiles/" + file));
        ok(api().delete(REGION_PATH + "/subnets/" + subnet));
        ApiClient.Response verified = api().get(TEMPLATES + "/" + id + ":verify");
        expect(verified, 400, "2 problems");
        assertThat(verified.body().path("error").path("message").asText())
                .contains("podTemplateSpec.volumes[0].configFile.name", file)
                .contains("podTemplateSpec.primaryNetworkInterface.networkInterface.subnetId", subnet);

        ok(api().delete(TEMPLATES + "/" + id));
        assertThat(api().get(TEMPLATES + "/" + id).status()).isEqualTo(404);
        ok(api().delete(REGION_PATH + "/vpcs/" + vpc));
    }

    @Test
    void thePodTemplateQuotaHolds() {
        ApiClient tenant = apiAs("quota");
        String vpc = ok(tenant.post(REGION_PATH + "/vpcs", """
                {"vpcName": "template-quota", "addressPrefix": "10.48.0.0/16"}""")).path("vpcId").asText();
        String subnet = ok(tenant.post(REGION_PATH + "/subnets", """
                {"subnetName": "template-quota-1", "vpcId": "%s", "addressPrefix": "10.48.1.0/24"}""".formatted(vpc)))
                .path("subnetId").asText();
        String first = ok(tenant.post(TEMPLATES, body("one", subnet, null, ""))).path("podTemplateId").asText();
        String second = ok(tenant.post(TEMPLATES, body("two", subnet, null, ""))).path("podTemplateId").asText();
        expect(tenant.post(TEMPLATES, body("three", subnet, null, "")), 400, "podTemplate quota");
        JsonNode quota = ok(tenant.get(REGION_PATH + "/quotas?resourceType=podTemplate")).path("quota");
        assertThat(quota.path("limit").asInt()).isEqualTo(2);
        assertThat(quota.path("used").asInt()).isEqualTo(2);

        ok(tenant.delete(TEMPLATES + "/" + first));
        String third = ok(tenant.post(TEMPLATES, body("three", subnet, null, ""))).path("podTemplateId").asText();
        ok(tenant.delete(TEMPLATES + "/" + second));
        ok(tenant.delete(TEMPLATES + "/" + third));
        ok(tenant.delete(REGION_PATH + "/subnets/" + subnet));
        ok(tenant.delete(REGION_PATH + "/vpcs/" + vpc));
    }

    /** A createPodTemplate body: one container, the subnet, the config file mounted when given. */
    private static String body(String name, String subnet, String configFile, String containerExtra) {
        String volumes = configFile == null ? "[]" : "[{\"name\": \"cfg\", \"configFile\": {\"name\": \"" + configFile + "\"}}]";
        String mounts = configFile == null ? "[]" : "[{\"name\": \"cfg\", \"mountPath\": \"/cfg\"}]";
        return """
                {"name": "%s", "description": "a test template",
                 "podTemplateSpec": {"instanceType": "g.n2.medium", "volumes": %s,
                   "containers": [{"name": "app", "image": "%s", %s "volumeMounts": %s}],
                   "primaryNetworkInterface": {"networkInterface": {"subnetId": "%s"}}}}"""
                .formatted(name, volumes, IMAGE, containerExtra, mounts, subnet);
    }
}
