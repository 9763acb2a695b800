package io.podservice.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The operator API (not JD Cloud's): signed with an operator's key, e.g. the launcher's operator-credentials. */
final class OperatorCommands {

    private OperatorCommands() {
    }

    @Command(name = "describe-nodes", description = "describeNodes: GET /nodes, the nodes, their state and what they offer "
            + "(operators only: --config data/operator-credentials)")
    static final class DescribeNodes extends PodCli.Operation {
        @Option(names = "--page-number")
        Integer pageNumber;
        @Option(names = "--page-size")
        Integer pageSize;
        @Option(names = "--filters", description = "JSON array, e.g. [{\"name\":\"state\",\"values\":[\"lost\"]}]; "
                + "filters: nodeId, az, state")
        String filters;

        @Override
        ApiCall request() throws java.io.IOException {
            return new ApiCall("GET", "/nodes").param("pageNumber", pageNumber).param("pageSize", pageSize)
                    .filters(filters);
        }
    }
}
