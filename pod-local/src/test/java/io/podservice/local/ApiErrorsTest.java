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

    private static void assertInvalid(ApiClient.Response response, String field) {
        assertThat(response.status()).as(response.raw()).isEqualTo(400);
        assertThat(response.body().path("error").path("code").asInt()).isEqualTo(400);
        assertThat(response.body().path("error").path("status").asText()).isEqualTo("INVALID_ARGUMENT");
        assertThat(response.body().path("error").path("message").asText()).contains(field);
        assertThat(response.body().path("requestId").asText()).isEqualTo(response.requestIdHeader());
    }
}
