package io.podservice.apidocs;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.PathParameter;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Completes the generated OpenAPI document with what the controllers cannot say themselves: the
 * error envelope every operation may answer with (and its codes), the flattened filter and tag
 * parameters of the list operations, the signature headers, and the two WebSocket operations
 * (execStart and attach). The fuzzing stage of CI generates its requests from this document.
 */
public class OpenApiDocument implements OpenApiCustomizer {

    private static final String ERROR = "ApiError";
    private static final Map<String, String> ERRORS = Map.of(
            "400", "INVALID_ARGUMENT or FAILED_PRECONDITION: the message names the field or the state",
            "401", "UNAUTHENTICATED: the signature, date, nonce or key is not accepted",
            "403", "PERMISSION_DENIED",
            "404", "NOT_FOUND: no such resource of the calling account",
            "409", "ALREADY_EXISTS",
            "429", "QUOTA_EXCEEDED",
            "500", "INTERNAL",
            "503", "UNAVAILABLE: a part of the service is away or catching up; retry");

    @Override
    public void customise(OpenAPI openApi) {
        openApi.info(new Info().title("pod-service: JD Cloud's pod API v1 and the VPC subset").version("v1"));
        openApi.getComponents().addSchemas(ERROR, errorSchema());
        webSocketOperation(openApi, "execStart", "/v1/regions/{regionId}/pods/{podId}/containers/{containerName}:execStart",
                "Streams an exec's stdin and output over a WebSocket (JD Cloud's framing)", true);
        webSocketOperation(openApi, "attach", "/v1/regions/{regionId}/pods/{podId}/containers/{containerName}:attach",
                "Streams the container's main process over a WebSocket (JD Cloud's framing)", false);
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            ERRORS.forEach((code, description) -> responses.addApiResponse(code, new ApiResponse().description(description)
                    .content(new Content().addMediaType("application/json", new MediaType()
                            .schema(new Schema<>().$ref("#/components/schemas/" + ERROR))))));
            operation.setResponses(responses);
            signatureHeaders().forEach(operation::addParametersItem);
            if (isList(operation)) {
                listParameters().forEach(operation::addParametersItem);
            }
        }));
    }

    /** describePods, describeVpcs, describeVpcs_1 (the trailing-slash path JD Cloud's VPC SDK uses), ... */
    private static boolean isList(Operation operation) {
        String id = operation.getOperationId();
        return id != null && id.matches("describe\\w*s(_\\d+)?");
    }

    private static Schema<?> errorSchema() {
        ObjectSchema error = new ObjectSchema();
        error.addProperty("code", new IntegerSchema());
        error.addProperty("status", new StringSchema());
        error.addProperty("message", new StringSchema());
        ObjectSchema envelope = new ObjectSchema();
        envelope.addProperty("requestId", new StringSchema());
        envelope.addProperty("error", error);
        envelope.setRequired(List.of("requestId", "error"));
        return envelope;
    }

    /** JD Cloud's signature headers (the Authorization header carries the signature itself). */
    private static List<Parameter> signatureHeaders() {
        return List.of(
                new HeaderParameter().name("x-jdcloud-date").description("yyyyMMdd'T'HHmmss'Z', within 5 minutes")
                        .required(false).schema(new StringSchema()),
                new HeaderParameter().name("x-jdcloud-nonce").description("new for every request, 1 to 128 characters")
                        .required(false).schema(new StringSchema()));
    }

    /** The flattened lists of JD Cloud's list operations: filters.N.name / operator / values.M, tags.N.key / values.M. */
    private static List<Parameter> listParameters() {
        return List.of(
                new QueryParameter().name("filters.1.name").schema(new StringSchema()),
                new QueryParameter().name("filters.1.operator").schema(new StringSchema()._enum(List.of("eq"))),
                new QueryParameter().name("filters.1.values.1").schema(new StringSchema()),
                new QueryParameter().name("filters.1.values.2").schema(new StringSchema()),
                new QueryParameter().name("filters.2.name").schema(new StringSchema()),
                new QueryParameter().name("filters.2.values.1").schema(new StringSchema()),
                new QueryParameter().name("tags.1.key").schema(new StringSchema()),
                new QueryParameter().name("tags.1.values.1").schema(new StringSchema()));
    }

    private static void webSocketOperation(OpenAPI openApi, String id, String path, String summary, boolean exec) {
        Operation operation = new Operation().operationId(id).summary(summary)
                .description("A GET with 'Connection: Upgrade' and 'Upgrade: websocket'; without them the answer is 400 "
                        + "INVALID_ARGUMENT in the API's envelope.")
                .addParametersItem(new PathParameter().name("regionId").required(true).schema(new StringSchema()))
                .addParametersItem(new PathParameter().name("podId").required(true).schema(new StringSchema()))
                .addParametersItem(new PathParameter().name("containerName").required(true).schema(new StringSchema()))
                .responses(new ApiResponses().addApiResponse("101", new ApiResponse().description("switched to a WebSocket")));
        if (exec) {
            operation.addParametersItem(new QueryParameter().name("execId").required(true).schema(new StringSchema()));
        }
        openApi.getPaths().addPathItem(path, new PathItem().get(operation));
    }
}
