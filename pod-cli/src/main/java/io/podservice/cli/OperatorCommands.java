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

    /** A node's id, and the action on it. */
    abstract static class NodeAction extends PodCli.Operation {
        @Option(names = "--node-id", required = true)
        String nodeId;

        abstract String action();

        @Override
        ApiCall request() {
            return new ApiCall("POST", "/nodes/" + nodeId + ":" + action());
        }
    }

    @Command(name = "cordon-node", description = "cordonNode: POST /nodes/{nodeId}:cordon, no new pods on the node "
            + "(operators only)")
    static final class CordonNode extends NodeAction {
        @Override
        String action() {
            return "cordon";
        }
    }

    @Command(name = "drain-node", description = "drainNode: POST /nodes/{nodeId}:drain, cordon the node and move its "
            + "pods to other nodes with room (operators only)")
    static final class DrainNode extends NodeAction {
        @Override
        String action() {
            return "drain";
        }
    }

    @Command(name = "uncordon-node", description = "uncordonNode: POST /nodes/{nodeId}:uncordon, place pods on the "
            + "node again (operators only)")
    static final class UncordonNode extends NodeAction {
        @Override
        String action() {
            return "uncordon";
        }
    }
}
