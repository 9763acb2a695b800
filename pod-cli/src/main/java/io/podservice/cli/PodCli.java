package io.podservice.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code pod}: the pod API from the command line, like JD Cloud's {@code jdc pod ...}. Every
 * request is signed with the chosen profile's keys; the answer's JSON is printed; an API error is
 * printed as {@code STATUS (code): message} on stderr with exit status 1.
 */
@Command(name = "pod", mixinStandardHelpOptions = true, version = "pod-service CLI 0.1.0",
        description = "Calls the pod API of a pod-service endpoint, signing with a profile's access key.",
        subcommands = {
                PodCommands.CreatePods.class,
                PodCommands.DescribePod.class,
                PodCommands.DescribePods.class,
                PodCommands.StartPod.class,
                PodCommands.StopPod.class,
                PodCommands.DeletePod.class,
                PodCommands.ModifyPodAttribute.class,
                NetworkCommands.AssociateElasticIp.class,
                NetworkCommands.DisassociateElasticIp.class,
                NetworkCommands.CreateSecret.class,
                NetworkCommands.DescribeSecret.class,
                NetworkCommands.DescribeSecrets.class,
                NetworkCommands.DeleteSecret.class,
                NetworkCommands.CreateVpc.class,
                NetworkCommands.DescribeVpc.class,
                NetworkCommands.DescribeVpcs.class,
                NetworkCommands.DeleteVpc.class,
                NetworkCommands.CreateSubnet.class,
                NetworkCommands.DescribeSubnet.class,
                NetworkCommands.DescribeSubnets.class,
                NetworkCommands.DeleteSubnet.class,
                NetworkCommands.CreateSecurityGroup.class,
                NetworkCommands.AddSecurityGroupRules.class,
                NetworkCommands.DescribeSecurityGroup.class,
                NetworkCommands.DescribeSecurityGroups.class,
                NetworkCommands.DeleteSecurityGroup.class,
                NetworkCommands.CreateElasticIps.class,
                NetworkCommands.DescribeElasticIp.class,
                NetworkCommands.DescribeElasticIps.class,
                NetworkCommands.DeleteElasticIp.class,
                StreamCommands.Logs.class,
                StreamCommands.Exec.class,
                StreamCommands.Attach.class,
                SubscriberCommands.AuditEvents.class,
                SubscriberCommands.Usage.class,
                OperatorCommands.DescribeNodes.class, OperatorCommands.CordonNode.class, OperatorCommands.DrainNode.class,
                OperatorCommands.UncordonNode.class, OperatorCommands.DescribeAccount.class,
                OperatorCommands.SetRealNameVerification.class, OperatorCommands.SetElasticIpBlacklist.class,
                OperatorCommands.EnrollMfa.class, OperatorCommands.SetOperationProtection.class,
                OperatorCommands.TopUp.class, OperatorCommands.CreateAccount.class, OperatorCommands.CreateAccessKey.class,
                SignCommand.class,
        })
public final class PodCli {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Option(names = "--config", description = "Profiles file (default: $POD_CLI_CONFIG, else ~/.pod-cli/config)")
    Path config;

    @Option(names = "--profile", description = "Profile to use (default: $POD_CLI_PROFILE, else 'default')")
    String profileName;

    @Option(names = "--endpoint", description = "Overrides the profile's endpoint, e.g. http://127.0.0.1:8080")
    String endpoint;

    @Option(names = "--region", description = "Overrides the profile's region, e.g. cn-north-1")
    String region;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI with the given output streams; returns the exit status. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new PodCli());
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args);
    }

    Profile profile() throws IOException {
        Path file = config != null ? config
                : System.getenv("POD_CLI_CONFIG") != null ? Path.of(System.getenv("POD_CLI_CONFIG"))
                : Path.of(System.getProperty("user.home"), ".pod-cli", "config");
        String name = profileName != null ? profileName
                : System.getenv().getOrDefault("POD_CLI_PROFILE", "default");
        if (!Files.exists(file)) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "No profiles file at " + file + ": pass --config, or set POD_CLI_CONFIG (the service writes "
                            + "data/credentials on its first start)");
        }
        Map<String, String> values = Profile.read(file).get(name);
        if (values == null) {
            throw new CommandLine.ParameterException(new CommandLine(this), "No profile [" + name + "] in " + file);
        }
        Profile profile = new Profile(
                endpoint != null ? endpoint : values.getOrDefault("endpoint", "http://127.0.0.1:8080"),
                region != null ? region : values.getOrDefault("region", "cn-north-1"),
                values.get("access_key"), values.get("secret_key"));
        if (profile.accessKey() == null || profile.secretKey() == null) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "Profile [" + name + "] in " + file + " needs access_key and secret_key");
        }
        return profile;
    }

    /** Base of every operation: builds the call, sends it signed, prints the answer. */
    abstract static class Operation implements Callable<Integer> {

        @ParentCommand
        PodCli cli;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        abstract ApiCall request() throws IOException;

        @Override
        public Integer call() throws Exception {
            Profile profile = cli.profile();
            HttpResponse<String> response;
            try {
                response = request().send(profile);
            } catch (ConnectException e) {
                spec.commandLine().getErr().println("Error: cannot connect to " + profile.endpoint()
                        + " (is the service running?)");
                return 2;
            }
            if (failed(response)) {
                return 1;
            }
            JsonNode body = parse(response.body());
            spec.commandLine().getOut().println(JSON.writeValueAsString(body));
            return 0;
        }

        /** Prints an API error as {@code Error: STATUS (code): message [requestId ...]}; true if it was one. */
        boolean failed(HttpResponse<String> response) {
            if (response.statusCode() < 400) {
                return false;
            }
            JsonNode body = parse(response.body());
            JsonNode error = body.path("error");
            spec.commandLine().getErr().println("Error: " + error.path("status").asText("HTTP " + response.statusCode())
                    + " (" + error.path("code").asInt(response.statusCode()) + "): "
                    + error.path("message").asText(response.body()) + " [requestId "
                    + body.path("requestId").asText(response.headers().firstValue("x-jdcloud-request-id").orElse("-"))
                    + "]");
            return true;
        }

        private static JsonNode parse(String text) {
            try {
                return text == null || text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
            } catch (IOException e) {
                return JSON.createObjectNode().put("raw", text);
            }
        }
    }

    /** A JSON argument, inline or {@code @file}. */
    static String jsonArgument(String value, String option) throws IOException {
        String json = value.startsWith("@") ? Files.readString(Path.of(value.substring(1))) : value;
        try {
            JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(option + " is not valid JSON: " + e.getOriginalMessage());
        }
        return json;
    }
}
