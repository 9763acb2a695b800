package io.podservice.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The VPC resources pods use (JD Cloud's VPC API paths, scope service {@code vpc}), the pod's elastic
 * IP binding, and registry secrets: one sub-command per operation, named as {@code jdc} names them.
 */
final class NetworkCommands {

    private NetworkCommands() {
    }

    /** A JSON body with the options that were given (null ones left out). */
    private static ObjectNode body(Object... namesAndValues) {
        ObjectNode body = PodCli.JSON.createObjectNode();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            if (value != null) {
                body.set((String) namesAndValues[i], PodCli.JSON.valueToTree(value));
            }
        }
        return body;
    }

    /** describe* of a VPC resource kind: a page, with JD Cloud's filters. */
    abstract static class ListOperation extends PodCli.Operation {
        @Option(names = "--page-number")
        Integer pageNumber;
        @Option(names = "--page-size", description = "10-100")
        Integer pageSize;
        @Option(names = "--filters", description = "JSON array, e.g. [{\"name\":\"vpcId\",\"values\":[\"vpc-...\"]}]")
        String filters;

        abstract String path();

        String service() {
            return "vpc";
        }

        @Override
        ApiCall request() throws IOException {
            return new ApiCall("GET", path()).service(service()).param("pageNumber", pageNumber)
                    .param("pageSize", pageSize).filters(filters);
        }
    }

    @Command(name = "create-vpc", description = "createVpc: POST /vpcs/")
    static final class CreateVpc extends PodCli.Operation {
        @Option(names = "--vpc-name", required = true)
        String vpcName;
        @Option(names = "--address-prefix", description = "A private CIDR block, /16 to /28")
        String addressPrefix;
        @Option(names = "--description")
        String description;

        @Override
        ApiCall request() {
            return new ApiCall("POST", "/vpcs/").service("vpc").body(body("vpcName", vpcName, "addressPrefix",
                    addressPrefix, "description", description).toString());
        }
    }

    @Command(name = "describe-vpc", description = "describeVpc: GET /vpcs/{vpcId}")
    static final class DescribeVpc extends PodCli.Operation {
        @Option(names = "--vpc-id", required = true)
        String vpcId;

        @Override
        ApiCall request() {
            return new ApiCall("GET", "/vpcs/" + vpcId).service("vpc");
        }
    }

    @Command(name = "describe-vpcs", description = "describeVpcs: GET /vpcs/")
    static final class DescribeVpcs extends ListOperation {
        @Override
        String path() {
            return "/vpcs/";
        }
    }

    @Command(name = "delete-vpc", description = "deleteVpc: DELETE /vpcs/{vpcId}")
    static final class DeleteVpc extends PodCli.Operation {
        @Option(names = "--vpc-id", required = true)
        String vpcId;

        @Override
        ApiCall request() {
            return new ApiCall("DELETE", "/vpcs/" + vpcId).service("vpc");
        }
    }

    @Command(name = "create-subnet", description = "createSubnet: POST /subnets/")
    static final class CreateSubnet extends PodCli.Operation {
        @Option(names = "--vpc-id", required = true)
        String vpcId;
        @Option(names = "--subnet-name", required = true)
        String subnetName;
        @Option(names = "--address-prefix", required = true, description = "A CIDR block inside the VPC's")
        String addressPrefix;
        @Option(names = "--description")
        String description;

        @Override
        ApiCall request() {
            return new ApiCall("POST", "/subnets/").service("vpc").body(body("vpcId", vpcId, "subnetName", subnetName,
                    "addressPrefix", addressPrefix, "description", description).toString());
        }
    }

    @Command(name = "describe-subnet", description = "describeSubnet: GET /subnets/{subnetId}")
    static final class DescribeSubnet extends PodCli.Operation {
        @Option(names = "--subnet-id", required = true)
        String subnetId;

        @Override
        ApiCall request() {
            return new ApiCall("GET", "/subnets/" + subnetId).service("vpc");
        }
    }

    @Command(name = "describe-subnets", description = "describeSubnets: GET /subnets/")
    static final class DescribeSubnets extends ListOperation {
        @Override
        String path() {
            return "/subnets/";
        }
    }

    @Command(name = "delete-subnet", description = "deleteSubnet: DELETE /subnets/{subnetId}")
    static final class DeleteSubnet extends PodCli.Operation {
        @Option(names = "--subnet-id", required = true)
        String subnetId;

        @Override
        ApiCall request() {
            return new ApiCall("DELETE", "/subnets/" + subnetId).service("vpc");
        }
    }

    @Command(name = "create-network-security-group", description = "createNetworkSecurityGroup: POST /networkSecurityGroups/")
    static final class CreateSecurityGroup extends PodCli.Operation {
        @Option(names = "--vpc-id", required = true)
        String vpcId;
        @Option(names = "--network-security-group-name", required = true)
        String name;
        @Option(names = "--description")
        String description;

        @Override
        ApiCall request() {
            return new ApiCall("POST", "/networkSecurityGroups/").service("vpc").body(body("vpcId", vpcId,
                    "networkSecurityGroupName", name, "description", description).toString());
        }
    }

    @Command(name = "add-network-security-group-rules",
            description = "addNetworkSecurityGroupRules: POST /networkSecurityGroups/{id}:addNetworkSecurityGroupRules")
    static final class AddSecurityGroupRules extends PodCli.Operation {
        @Option(names = "--network-security-group-id", required = true)
        String id;
        @Option(names = "--network-security-group-rule-specs", required = true,
                description = "JSON array, e.g. [{\"protocol\":6,\"direction\":0,\"addressPrefix\":\"0.0.0.0/0\","
                        + "\"fromPort\":8080,\"toPort\":8080}]")
        String rules;

        @Override
        ApiCall request() throws IOException {
            ObjectNode body = PodCli.JSON.createObjectNode();
            body.set("networkSecurityGroupRuleSpecs", PodCli.JSON.readTree(PodCli.jsonArgument(rules,
                    "--network-security-group-rule-specs")));
            return new ApiCall("POST", "/networkSecurityGroups/" + id + ":addNetworkSecurityGroupRules").service("vpc")
                    .body(body.toString());
        }
    }

    @Command(name = "describe-network-security-group",
            description = "describeNetworkSecurityGroup: GET /networkSecurityGroups/{id}")
    static final class DescribeSecurityGroup extends PodCli.Operation {
        @Option(names = "--network-security-group-id", required = true)
        String id;

        @Override
        ApiCall request() {
            return new ApiCall("GET", "/networkSecurityGroups/" + id).service("vpc");
        }
    }

    @Command(name = "describe-network-security-groups",
            description = "describeNetworkSecurityGroups: GET /networkSecurityGroups/")
    static final class DescribeSecurityGroups extends ListOperation {
        @Override
        String path() {
            return "/networkSecurityGroups/";
        }
    }

    @Command(name = "delete-network-security-group",
            description = "deleteNetworkSecurityGroup: DELETE /networkSecurityGroups/{id}")
    static final class DeleteSecurityGroup extends PodCli.Operation {
        @Option(names = "--network-security-group-id", required = true)
        String id;

        @Override
        ApiCall request() {
            return new ApiCall("DELETE", "/networkSecurityGroups/" + id).service("vpc");
        }
    }

    @Command(name = "create-elastic-ips", description = "createElasticIps: POST /elasticIps/")
    static final class CreateElasticIps extends PodCli.Operation {
        @Option(names = "--max-count", defaultValue = "1", description = "How many (1-100)")
        int maxCount;
        @Option(names = "--bandwidth-mbps", required = true, description = "1-100")
        int bandwidthMbps;
        @Option(names = "--provider", description = "bgp (default) or no_bgp")
        String provider;
        @Option(names = "--elastic-ip-address", description = "A fixed address of the pool (maxCount 1)")
        String address;
        @Option(names = "--elastic-ip-name")
        String name;

        @Override
        ApiCall request() {
            ObjectNode body = body("maxCount", maxCount, "elasticIpAddress", address, "elasticIpName", name);
            body.set("elasticIpSpec", body("bandwidthMbps", bandwidthMbps, "provider", provider));
            return new ApiCall("POST", "/elasticIps/").service("vpc").body(body.toString());
        }
    }

    @Command(name = "describe-elastic-ip", description = "describeElasticIp: GET /elasticIps/{elasticIpId}")
    static final class DescribeElasticIp extends PodCli.Operation {
        @Option(names = "--elastic-ip-id", required = true)
        String id;

        @Override
        ApiCall request() {
            return new ApiCall("GET", "/elasticIps/" + id).service("vpc");
        }
    }

    @Command(name = "describe-elastic-ips", description = "describeElasticIps: GET /elasticIps/")
    static final class DescribeElasticIps extends ListOperation {
        @Override
        String path() {
            return "/elasticIps/";
        }
    }

    @Command(name = "delete-elastic-ip", description = "deleteElasticIp: DELETE /elasticIps/{elasticIpId}")
    static final class DeleteElasticIp extends PodCli.Operation {
        @Option(names = "--elastic-ip-id", required = true)
        String id;

        @Override
        ApiCall request() {
            return new ApiCall("DELETE", "/elasticIps/" + id).service("vpc");
        }
    }

    @Command(name = "associate-elastic-ip", description = "associateElasticIp: POST /pods/{podId}:associateElasticIp")
    static final class AssociateElasticIp extends PodCli.Operation {
        @Option(names = "--pod-id", required = true)
        String podId;
        @Option(names = "--elastic-ip-id", required = true)
        String id;

        @Override
        ApiCall request() {
            return new ApiCall("POST", "/pods/" + podId + ":associateElasticIp").body(body("elasticIpId", id).toString());
        }
    }

    @Command(name = "disassociate-elastic-ip", description = "disassociateElasticIp: POST /pods/{podId}:disassociateElasticIp")
    static final class DisassociateElasticIp extends PodCli.Operation {
        @Option(names = "--pod-id", required = true)
        String podId;
        @Option(names = "--elastic-ip-id", required = true)
        String id;

        @Override
        ApiCall request() {
            return new ApiCall("POST", "/pods/" + podId + ":disassociateElasticIp").body(body("elasticIpId", id).toString());
        }
    }

    @Command(name = "create-secret", description = "createSecret: POST /secrets (docker-registry; values are Base64-encoded here)")
    static final class CreateSecret extends PodCli.Operation {
        @Option(names = "--name", required = true)
        String name;
        @Option(names = "--server", required = true, description = "Registry host[:port]")
        String server;
        @Option(names = "--username", required = true)
        String username;
        @Option(names = "--password-stdin", description = "Read the password from stdin (else $POD_REGISTRY_PASSWORD)")
        boolean passwordStdin;
        @Option(names = "--email")
        String email;

        @Override
        ApiCall request() throws IOException {
            String password = passwordStdin ? new String(System.in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .strip() : System.getenv("POD_REGISTRY_PASSWORD");
            if (password == null || password.isEmpty()) {
                throw new IllegalArgumentException("the password comes from --password-stdin or $POD_REGISTRY_PASSWORD");
            }
            java.util.Base64.Encoder base64 = java.util.Base64.getEncoder();
            ObjectNode data = body("server", base64(base64, server), "username", base64(base64, username), "password",
                    base64(base64, password), "email", email == null ? null : base64(base64, email));
            ObjectNode body = body("name", name, "secretType", "docker-registry");
            body.set("data", data);
            return new ApiCall("POST", "/secrets").body(body.toString());
        }

        private static String base64(java.util.Base64.Encoder encoder, String value) {
            return encoder.encodeToString(value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @Command(name = "describe-secret", description = "describeSecret: GET /secrets/{name}")
    static final class DescribeSecret extends PodCli.Operation {
        @Option(names = "--name", required = true)
        String name;

        @Override
        ApiCall request() {
            return new ApiCall("GET", "/secrets/" + name);
        }
    }

    @Command(name = "describe-secrets", description = "describeSecrets: GET /secrets")
    static final class DescribeSecrets extends ListOperation {
        @Override
        String path() {
            return "/secrets";
        }

        @Override
        String service() {
            return "pod";
        }
    }

    @Command(name = "delete-secret", description = "deleteSecret: DELETE /secrets/{name}")
    static final class DeleteSecret extends PodCli.Operation {
        @Option(names = "--name", required = true)
        String name;

        @Override
        ApiCall request() {
            return new ApiCall("DELETE", "/secrets/" + name);
        }
    }
}
