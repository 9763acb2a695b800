package io.podservice.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** One sub-command per operation of the pod API, named and parametrized as the API names them. */
final class PodCommands {

    private PodCommands() {
    }

    @Command(name = "create-pods", description = "createPods: POST /pods")
    static final class CreatePods extends PodCli.Operation {
        @Option(names = "--pod-spec", required = true, description = "PodSpec as JSON, or @file")
        String podSpec;
        @Option(names = "--max-count", description = "How many pods (1-100)")
        Integer maxCount;
        @Option(names = "--client-token", description = "Idempotency token (at most 64 characters)")
        String clientToken;

        @Override
        ApiCall request() throws IOException {
            ObjectNode body = PodCli.JSON.createObjectNode();
            body.set("podSpec", PodCli.JSON.readTree(PodCli.jsonArgument(podSpec, "--pod-spec")));
            if (maxCount != null) {
                body.put("maxCount", maxCount);
            }
            if (clientToken != null) {
                body.put("clientToken", clientToken);
            }
            return new ApiCall("POST", "/pods").body(body.toString());
        }
    }

    @Command(name = "describe-pod", description = "describePod: GET /pods/{podId}")
    static final class DescribePod extends PodCli.Operation {
        @Option(names = "--pod-id", required = true)
        String podId;

        @Override
        ApiCall request() {
            return new ApiCall("GET", "/pods/" + podId);
        }
    }

    @Command(name = "describe-pods", description = "describePods: GET /pods, a page at a time")
    static final class DescribePods extends PodCli.Operation {
        @Option(names = "--page-number")
        Integer pageNumber;
        @Option(names = "--page-size", description = "10-100")
        Integer pageSize;
        @Option(names = "--filters", description = "JSON array, e.g. [{\"name\":\"phase\",\"values\":[\"running\"]}]")
        String filters;

        @Override
        ApiCall request() throws IOException {
            return new ApiCall("GET", "/pods").param("pageNumber", pageNumber).param("pageSize", pageSize)
                    .filters(filters);
        }
    }

    @Command(name = "start-pod", description = "startPod: POST /pods/{podId}:startPod")
    static final class StartPod extends PodCli.Operation {
        @Option(names = "--pod-id", required = true)
        String podId;

        @Override
        ApiCall request() {
            return new ApiCall("POST", "/pods/" + podId + ":startPod");
        }
    }

    @Command(name = "stop-pod", description = "stopPod: POST /pods/{podId}:stopPod")
    static final class StopPod extends PodCli.Operation {
        @Option(names = "--pod-id", required = true)
        String podId;

        @Override
        ApiCall request() {
            return new ApiCall("POST", "/pods/" + podId + ":stopPod");
        }
    }

    @Command(name = "delete-pod", description = "deletePod: DELETE /pods/{podId}")
    static final class DeletePod extends PodCli.Operation {
        @Option(names = "--pod-id", required = true)
        String podId;
        @Option(names = "--delete-primary-network-interface-all-elastic-ip", arity = "1",
                description = "Release the pod's elastic IP too (default false)")
        Boolean deleteElasticIp;

        @Override
        ApiCall request() {
            return new ApiCall("DELETE", "/pods/" + podId)
                    .param("deletePrimaryNetworkInterfaceAllElasticIp", deleteElasticIp);
        }
    }

    @Command(name = "modify-pod-attribute", description = "modifyPodAttribute: PATCH /pods/{podId}:modifyPodAttribute")
    static final class ModifyPodAttribute extends PodCli.Operation {
        @Option(names = "--pod-id", required = true)
        String podId;
        @Option(names = "--name")
        String name;
        @Option(names = "--description")
        String description;

        @Override
        ApiCall request() {
            ObjectNode body = PodCli.JSON.createObjectNode();
            if (name != null) {
                body.put("name", name);
            }
            if (description != null) {
                body.put("description", description);
            }
            return new ApiCall("PATCH", "/pods/" + podId + ":modifyPodAttribute").body(body.toString());
        }
    }
}
