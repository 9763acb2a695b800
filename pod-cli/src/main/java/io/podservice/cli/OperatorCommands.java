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

    /** An account's id, and the change to its standing. */
    abstract static class AccountAction extends PodCli.Operation {
        @Option(names = "--account-id", required = true)
        String accountId;

        abstract String action();

        /** The request's JSON body, or null for none. */
        abstract String body();

        @Override
        ApiCall request() {
            ApiCall call = new ApiCall(action() == null ? "GET" : "POST", "/accounts/" + accountId
                    + (action() == null ? "" : ":" + action())).global();
            return body() == null ? call : call.body(body());
        }
    }

    @Command(name = "create-account", description = "createAccount: POST /v1/accounts, a tenant account named --name "
            + "(operators only)")
    static final class CreateAccount extends PodCli.Operation {
        @Option(names = "--name", required = true)
        String name;

        @Override
        ApiCall request() throws java.io.IOException {
            return new ApiCall("POST", "/accounts").global().body(PodCli.JSON.writeValueAsString(
                    java.util.Map.of("name", name)));
        }
    }

    @Command(name = "create-access-key", description = "createAccessKey: a new access key of the account; prints its "
            + "secret once (operators only)")
    static final class CreateAccessKey extends AccountAction {
        @Override
        String action() {
            return "createAccessKey";
        }

        @Override
        String body() {
            return "{}";
        }
    }

    @Command(name = "describe-account", description = "describeAccountStanding: GET /v1/accounts/{accountId}, its "
            + "real-name verification, blacklist, MFA, protection and balance (operators only)")
    static final class DescribeAccount extends AccountAction {
        @Override
        String action() {
            return null;
        }

        @Override
        String body() {
            return null;
        }
    }

    @Command(name = "set-real-name-verification", description = "setRealNameVerification: createPods needs a "
            + "verified account (operators only)")
    static final class SetRealNameVerification extends AccountAction {
        @Option(names = "--verified", required = true, arity = "1")
        boolean verified;

        @Override
        String action() {
            return "setRealNameVerification";
        }

        @Override
        String body() {
            return "{\"verified\": " + verified + "}";
        }
    }

    @Command(name = "set-elastic-ip-blacklist", description = "setElasticIpBlacklist: a listed account binds no "
            + "elastic IP (operators only)")
    static final class SetElasticIpBlacklist extends AccountAction {
        @Option(names = "--listed", required = true, arity = "1")
        boolean listed;

        @Override
        String action() {
            return "setElasticIpBlacklist";
        }

        @Override
        String body() {
            return "{\"listed\": " + listed + "}";
        }
    }

    @Command(name = "enroll-mfa", description = "enrollMfa: a new MFA device for the account; prints its otpauth URI "
            + "once (operators only)")
    static final class EnrollMfa extends AccountAction {
        @Override
        String action() {
            return "enrollMfa";
        }

        @Override
        String body() {
            return "{}";
        }
    }

    @Command(name = "set-operation-protection", description = "setOperationProtection: deletePod, deleteSecret and "
            + "disassociateElasticIp need an MFA code (operators only)")
    static final class SetOperationProtection extends AccountAction {
        @Option(names = "--enabled", required = true, arity = "1")
        boolean enabled;

        @Override
        String action() {
            return "setOperationProtection";
        }

        @Override
        String body() {
            return "{\"enabled\": " + enabled + "}";
        }
    }

    @Command(name = "top-up", description = "topUpAccount: pay an amount (to the cent) into the account's balance "
            + "(operators only)")
    static final class TopUp extends AccountAction {
        @Option(names = "--amount", required = true)
        java.math.BigDecimal amount;

        @Override
        String action() {
            return "topUp";
        }

        @Override
        String body() {
            return "{\"amount\": " + amount.toPlainString() + "}";
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
