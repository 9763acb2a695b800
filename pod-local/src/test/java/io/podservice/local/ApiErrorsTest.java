package io.podservice.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Errors in the API's format: status word, HTTP code, a message that names the field, the request id. */
class ApiErrorsTest extends ServiceTest {

    @Test
    void anUnknownPodAnswers404NotFound() {
        ApiClient.Response response = api().get("/v1/regions/" + REGION + "/pods/pod-doesnotexist");
        assertThat(response.status()).isEqualTo(404);
        JsonNode error = response.body().path("error");
        assertThat(error.path("code").asInt()).isEqualTo(404);
        assertThat(error.path("status").asText()).isEqualTo("NOT_FOUND");
        assertThat(error.path("message").asText()).contains("pod-doesnotexist");
        assertThat(response.body().path("requestId").asText()).isNotEmpty().isEqualTo(response.requestIdHeader());
    }

    @Test
    void aBodyOfTheWrongShapeAnswers400NamingTheField() {
        ApiClient.Response response = api().post("/v1/regions/" + REGION + "/pods",
                "{\"podSpec\": {\"name\": \"x\", \"instanceType\": \"g.n2.medium\", \"containers\": \"not-a-list\"}}");
        assertInvalid(response, "podSpec.containers");
    }

    @Test
    void aBodyThatIsNotJsonAnswers400() {
        ApiClient.Response response = api().post("/v1/regions/" + REGION + "/pods", "{\"podSpec\": {");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("error").path("status").asText()).isEqualTo("INVALID_ARGUMENT");
        assertThat(response.body().path("error").path("message").asText()).contains("not valid JSON");
    }

    @Test
    void aMissingImageAnswers400NamingTheContainersField() {
        ApiClient.Response response = api().post("/v1/regions/" + REGION + "/pods",
                "{\"podSpec\": {\"name\": \"x\", \"instanceType\": \"g.n2.medium\", \"containers\": [{\"name\": \"a\"}]}}");
        assertInvalid(response, "podSpec.containers[0].image");
    }

    @Test
    void anInvalidPodNameAnswers400WithTheRule() {
        ApiClient.Response response = api().post("/v1/regions/" + REGION + "/pods",
                "{\"podSpec\": {\"name\": \"Not_Valid\", \"instanceType\": \"g.n2.medium\","
                        + " \"containers\": [{\"name\": \"a\", \"image\": \"busybox\"}]}}");
        assertInvalid(response, "podSpec.name");
        assertThat(response.body().path("error").path("message").asText()).contains("DNS-1123");
    }

    @Test
    void anUnknownInstanceTypeAnswers400() {
        ApiClient.Response response = api().post("/v1/regions/" + REGION + "/pods",
                "{\"podSpec\": {\"name\": \"x\", \"instanceType\": \"z.huge\", \"containers\": [{\"name\": \"a\", \"image\": \"b\"}]}}");
        assertInvalid(response, "podSpec.instanceType");
    }

    @Test
    void duplicateContainerNamesAnswer400() {
        ApiClient.Response response = api().post("/v1/regions/" + REGION + "/pods",
                "{\"podSpec\": {\"name\": \"x\", \"instanceType\": \"g.n2.medium\","
                        + " \"containers\": [{\"name\": \"a\", \"image\": \"b\"}, {\"name\": \"a\", \"image\": \"b\"}]}}");
        assertInvalid(response, "podSpec.containers[1].name");
    }

    @Test
    void anUnknownRegionAnswers400() {
        ApiClient.Response response = api().get("/v1/regions/mars-1/pods/pod-x");
        assertInvalid(response, "regionId");
    }

    @Test
    void theSpecsNumericRulesNameTheirFields() {
        String container = "\"containers\": [{\"name\": \"a\", \"image\": \"b\"}]";
        assertInvalid(create("\"containers\": [{\"name\": \"a\", \"image\": \"b\", \"systemDisk\": {\"sizeGB\": 25}}]"),
                "podSpec.containers[0].systemDisk.sizeGB");
        assertInvalid(create("\"containers\": [{\"name\": \"a\", \"image\": \"b\", \"systemDisk\": {\"sizeGB\": 110}}]"),
                "podSpec.containers[0].systemDisk.sizeGB");
        assertInvalid(create(container + ", \"volumes\": [{\"name\": \"v\", \"jdcloudDisk\": {\"sizeGB\": 4010}}]"),
                "podSpec.volumes[0].jdcloudDisk.sizeGB");
        // (the tests' disks may be of any whole size from 1 GB, pod.disk.*: JD Cloud's steps are DiskRulesTest's)
        assertInvalid(create(container + ", \"volumes\": [{\"name\": \"v\", \"jdcloudDisk\": {\"sizeGB\": 0}}]"),
                "podSpec.volumes[0].jdcloudDisk.sizeGB");
        assertInvalid(create(container + ", \"elasticIp\": {\"bandwidthMbps\": 101}"), "podSpec.elasticIp.bandwidthMbps");
        assertInvalid(create(container + ", \"hostname\": \"-bad-\""), "podSpec.hostname");
        assertInvalid(create(container + ", \"primaryNetworkInterface\": {\"networkInterface\": {\"subnetId\": \"subnet-1\","
                + " \"securityGroups\": [\"a\", \"b\", \"c\", \"d\", \"e\", \"f\"]}}"),
                "podSpec.primaryNetworkInterface.networkInterface.securityGroups");
        ApiClient.Response fixedIp = api().post("/v1/regions/" + REGION + "/pods", "{\"maxCount\": 2, \"podSpec\": {"
                + "\"name\": \"x\", \"instanceType\": \"g.n2.medium\", " + container
                + ", \"primaryNetworkInterface\": {\"networkInterface\": {\"subnetId\": \"subnet-1\","
                + " \"primaryIpAddress\": \"10.0.0.5\"}}}}");
        assertInvalid(fixedIp, "primaryIpAddress");
        assertThat(fixedIp.body().path("error").path("message").asText()).contains("maxCount 1");
        assertInvalid(create("\"containers\": [{\"name\": \"a\", \"image\": \"b\", \"livenessProbe\": {}}]"),
                "podSpec.containers[0].livenessProbe");
        assertInvalid(create("\"containers\": [{\"name\": \"a\", \"image\": \"b\","
                + " \"volumeMounts\": [{\"name\": \"nope\", \"mountPath\": \"/x\"}]}]"),
                "podSpec.containers[0].volumeMounts[0].name");
        assertInvalid(create("\"containers\": [{\"name\": \"a\", \"image\": \"b\","
                + " \"resources\": {\"limits\": {\"memoryMB\": 99999}}}]"), "podSpec.containers[0].resources.limits");
        ApiClient.Response tooMany = api().post("/v1/regions/" + REGION + "/pods", "{\"maxCount\": 101, \"podSpec\": {"
                + "\"name\": \"x\", \"instanceType\": \"g.n2.medium\", " + container + "}}");
        assertInvalid(tooMany, "maxCount");
    }

    private ApiClient.Response create(String specFields) {
        return api().post("/v1/regions/" + REGION + "/pods",
                "{\"podSpec\": {\"name\": \"x\", \"instanceType\": \"g.n2.medium\", " + specFields + "}}");
    }

    private static void assertInvalid(ApiClient.Response response, String field) {
        assertThat(response.status()).as(response.raw()).isEqualTo(400);
        assertThat(response.body().path("error").path("code").asInt()).isEqualTo(400);
        assertThat(response.body().path("error").path("status").asText()).isEqualTo("INVALID_ARGUMENT");
        assertThat(response.body().path("error").path("message").asText()).contains(field);
        assertThat(response.body().path("requestId").asText()).isEqualTo(response.requestIdHeader());
    }
}
