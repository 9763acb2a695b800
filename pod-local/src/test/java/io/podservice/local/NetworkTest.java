package io.podservice.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import io.podservice.query.pods.PodViewRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Subnets, private addresses and elastic IPs through the signed API on real Docker and iptables:
 * pods of a VPC reach each other, in one subnet or across two, and pods of another VPC do not, a pinned address is the one the
 * container has, and a busybox httpd answers on its elastic IP from this host exactly while the
 * elastic IP is bound, and again after the translation is lost and a restarted worker restores it.
 */
class NetworkTest extends ServiceTest {

    private static final String REGION_PATH = "/v1/regions/" + REGION;
    private static final String PODS = REGION_PATH + "/pods";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Value("${pod.node-token}")
    String nodeToken;

    private ExternalWorker worker;

    @Test
    void subnetsRouteWithinAndIsolateAcrossVpcsAndElasticIpsReachThePod() throws Exception {
        String vpcA = created(api().post(REGION_PATH + "/vpcs", """
                {"vpcName": "vpc-a", "addressPrefix": "10.30.0.0/16"}"""), "vpcId");
        String subnetA = created(api().post(REGION_PATH + "/subnets", """
                {"subnetName": "subnet-a", "vpcId": "%s", "addressPrefix": "10.30.1.0/24"}""".formatted(vpcA)), "subnetId");
        String subnetA2 = created(api().post(REGION_PATH + "/subnets", """
                {"subnetName": "subnet-a2", "vpcId": "%s", "addressPrefix": "10.30.2.0/24"}""".formatted(vpcA)), "subnetId");
        String vpcB = created(api().post(REGION_PATH + "/vpcs", "{\"vpcName\": \"vpc-b\"}"), "vpcId");
        String subnetB = created(api().post(REGION_PATH + "/subnets", """
                {"subnetName": "subnet-b", "vpcId": "%s", "addressPrefix": "10.31.1.0/24"}""".formatted(vpcB)), "subnetId");

        String web = createPod(pod("web", subnetA, "\"primaryIpAddress\": \"10.30.1.10\",",
                "[\"sh\", \"-c\", \"mkdir -p /www && echo hello-from-web > /www/index.html && exec httpd -f -p 8080 -h /www\"]"));
        String client = createPod(pod("client", subnetA, "", "[\"sleep\", \"3600\"]"));
        String stranger = createPod(pod("stranger", subnetB, "", "[\"sleep\", \"3600\"]"));
        String neighbour = createPod(pod("neighbour", subnetA2, "", "[\"sleep\", \"3600\"]"));
        JsonNode webPod = awaitPhase(web, "running");
        awaitPhase(client, "running");
        awaitPhase(stranger, "running");
        awaitPhase(neighbour, "running");

        // the pinned address is the container's, and the model knows it
        assertThat(webPod.path("privateIpAddress").asText()).isEqualTo("10.30.1.10");
        assertThat(webPod.path("vpcId").asText()).isEqualTo(vpcA);
        assertThat(webPod.path("subnetId").asText()).isEqualTo(subnetA);
        assertThat(webPod.path("podStatus").path("podIP").asText()).isEqualTo("10.30.1.10");
        assertThat(webPod.path("primaryNetworkInterface").path("networkInterface").path("primaryIp")
                .path("privateIpAddress").asText()).isEqualTo("10.30.1.10");
        assertThat(docker.inspectContainerCmd(web + ".infra").exec().getNetworkSettings().getNetworks()
                .get("pod-subnet-" + subnetA).getIpAddress()).isEqualTo("10.30.1.10");
        // the service assigned the next free address itself
        assertThat(api().get(PODS + "/" + client).body().path("result").path("pod").path("privateIpAddress").asText())
                .isEqualTo("10.30.1.3");

        // same subnet: reachable; another VPC: not
        // (httpd listens a moment after its container runs)
        await().atMost(Duration.ofSeconds(30)).until(() ->
                exec(client + "-app", "wget", "-q", "-O", "-", "http://10.30.1.10:8080/").contains("hello-from-web"));
        // another subnet of the same VPC: routed (the nodes forward between the VPC's bridges)
        await().atMost(Duration.ofSeconds(30)).until(() ->
                exec(neighbour + "-app", "wget", "-q", "-O", "-", "http://10.30.1.10:8080/").contains("hello-from-web"));
        // (busybox's wget -T crashes in the static build: nc -w bounds the wait instead)
        assertThat(exitCode(stranger + "-app", "sh", "-c", "printf 'GET / HTTP/1.0\\r\\n\\r\\n' | nc -w 3 10.30.1.10 8080"))
                .isNotZero();

        // filters and the subnet's addresses
        assertThat(api().get(PODS + "?filters.1.name=vpcId&filters.1.values.1=" + vpcA).body().path("result")
                .path("totalCount").asInt()).isEqualTo(3);
        assertThat(api().get(PODS + "?filters.1.name=subnetId&filters.1.values.1=" + subnetB).body().path("result")
                .path("pods").get(0).path("podId").asText()).isEqualTo(stranger);
        JsonNode subnet = api().get(REGION_PATH + "/subnets/" + subnetA).body().path("result").path("subnet");
        assertThat(subnet.path("availableIpCount").asInt()).isEqualTo(252 - 2);

        // an address outside the subnet, and one in use
        ApiClient.Response outside = api().post(PODS, "{\"podSpec\":" + pod("bad", subnetA,
                "\"primaryIpAddress\": \"10.31.1.9\",", "[\"true\"]") + "}");
        assertThat(outside.status()).as(outside.raw()).isEqualTo(400);
        assertThat(outside.body().path("error").path("status").asText()).isEqualTo("INVALID_ARGUMENT");
        assertThat(outside.body().path("error").path("message").asText())
                .contains("podSpec.primaryNetworkInterface.networkInterface.primaryIpAddress");
        ApiClient.Response taken = api().post(PODS, "{\"podSpec\":" + pod("bad", subnetA,
                "\"primaryIpAddress\": \"10.30.1.10\",", "[\"true\"]") + "}");
        assertThat(taken.body().path("error").path("status").asText()).isEqualTo("FAILED_PRECONDITION");
        assertThat(taken.body().path("error").path("message").asText()).contains(web);

        // an elastic IP: answers from this host while bound
        String eip = created(api().post(REGION_PATH + "/elasticIps", """
                {"maxCount": 1, "elasticIpSpec": {"bandwidthMbps": 10, "provider": "bgp"}}"""), "elasticIpIds");
        // the read side learns of it from Kafka, a moment later
        await().atMost(Duration.ofSeconds(20)).until(() -> api().get(REGION_PATH + "/elasticIps/" + eip).status() == 200);
        String address = api().get(REGION_PATH + "/elasticIps/" + eip).body().path("result").path("elasticIp")
                .path("elasticIpAddress").asText();
        assertThat(address).startsWith("127.100.0.");
        ok(api().post(PODS + "/" + web + ":associateElasticIp", "{\"elasticIpId\": \"" + eip + "\"}"));
        await().atMost(Duration.ofSeconds(30)).until(() -> get("http://" + address + ":8080/").contains("hello-from-web"));
        await().atMost(Duration.ofSeconds(20)).until(() -> web.equals(api().get(REGION_PATH + "/elasticIps/" + eip).body()
                .path("result").path("elasticIp").path("instanceId").asText()));
        JsonNode bound = api().get(PODS + "/" + web).body().path("result").path("pod");
        assertThat(bound.path("elasticIp").path("elasticIpId").asText()).isEqualTo(eip);
        assertThat(bound.path("elasticIp").path("elasticIpAddress").asText()).isEqualTo(address);

        // one per pod, and one pod per elastic IP
        String second = created(api().post(REGION_PATH + "/elasticIps", """
                {"maxCount": 1, "elasticIpSpec": {"bandwidthMbps": 5}}"""), "elasticIpIds");
        ApiClient.Response again = api().post(PODS + "/" + web + ":associateElasticIp", "{\"elasticIpId\": \"" + second + "\"}");
        assertThat(again.body().path("error").path("status").asText()).as(again.raw()).isEqualTo("FAILED_PRECONDITION");
        ApiClient.Response elsewhere = api().post(PODS + "/" + client + ":associateElasticIp", "{\"elasticIpId\": \"" + eip + "\"}");
        assertThat(elsewhere.body().path("error").path("status").asText()).isEqualTo("FAILED_PRECONDITION");
        assertThat(elsewhere.body().path("error").path("message").asText()).contains(web);
        ApiClient.Response inUse = api().delete(REGION_PATH + "/elasticIps/" + eip);
        assertThat(inUse.body().path("error").path("status").asText()).isEqualTo("FAILED_PRECONDITION");

        // the translation lost (as after a reboot) comes back with the next reconciliation pass
        TestRun.flushNatChains();
        assertThat(get("http://" + address + ":8080/")).doesNotContain("hello-from-web");
        await().atMost(Duration.ofSeconds(30)).until(() -> get("http://" + address + ":8080/").contains("hello-from-web"));

        // unbound: answers no more
        ok(api().post(PODS + "/" + web + ":disassociateElasticIp", "{\"elasticIpId\": \"" + eip + "\"}"));
        await().atMost(Duration.ofSeconds(30)).until(() -> !get("http://" + address + ":8080/").contains("hello-from-web"));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                api().get(PODS + "/" + web).body().path("result").path("pod").path("elasticIp").path("elasticIpId")
                        .isMissingNode());

        // deleting a pod with its elastic IP releases it; the subnet can go once its pods are gone
        ok(api().post(PODS + "/" + client + ":associateElasticIp", "{\"elasticIpId\": \"" + second + "\"}"));
        ok(api().delete(PODS + "/" + client + "?deletePrimaryNetworkInterfaceAllElasticIp=true"));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                api().get(REGION_PATH + "/elasticIps/" + second).status() == 404);
        ApiClient.Response busySubnet = api().delete(REGION_PATH + "/subnets/" + subnetB);
        assertThat(busySubnet.body().path("error").path("status").asText()).isEqualTo("FAILED_PRECONDITION");
        assertThat(busySubnet.body().path("error").path("message").asText()).contains(stranger);
        ok(api().delete(PODS + "/" + stranger));
        await().atMost(Duration.ofSeconds(60)).until(() -> api().get(PODS + "/" + stranger).status() == 404);
        ok(api().delete(REGION_PATH + "/subnets/" + subnetB));
        ok(api().delete(REGION_PATH + "/vpcs/" + vpcB));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                docker.listNetworksCmd().withNameFilter("pod-subnet-" + subnetB).exec().isEmpty());
    }

    @Autowired
    PodViewRepository views;

    /**
     * The node agent that runs a pod with an elastic IP dies, the node loses its iptables state (as
     * in a reboot), and the agent starts again: the elastic IP answers again.
     */
    @Test
    void aWorkerRestartKeepsTheBindingWorking() throws Exception {
        String vpc = created(api().post(REGION_PATH + "/vpcs", "{\"vpcName\": \"vpc-restart\"}"), "vpcId");
        String subnet = created(api().post(REGION_PATH + "/subnets", """
                {"subnetName": "subnet-restart", "vpcId": "%s", "addressPrefix": "10.32.1.0/24"}""".formatted(vpc)),
                "subnetId");
        String[] arguments = {"--pod.node-token=" + nodeToken, "--pod.worker.advertised-host=127.0.0.1"};
        worker = ExternalWorker.start(bootstrapServers, "nat-node", arguments);
        String podId = ExternalWorker.podOnNode(this, views, "nat-node", i -> pod("served-" + i, subnet, "",
                "[\"sh\", \"-c\", \"mkdir -p /www && echo served-" + i + " > /www/index.html && exec httpd -f -p 8080 -h /www\"]"));
        String eip = created(api().post(REGION_PATH + "/elasticIps", """
                {"maxCount": 1, "elasticIpSpec": {"bandwidthMbps": 1}}"""), "elasticIpIds");
        ok(api().post(PODS + "/" + podId + ":associateElasticIp", "{\"elasticIpId\": \"" + eip + "\"}"));
        String[] address = new String[1];
        await().atMost(Duration.ofSeconds(20)).until(() -> !(address[0] = api().get(PODS + "/" + podId).body()
                .path("result").path("pod").path("elasticIp").path("elasticIpAddress").asText()).isEmpty());
        await().atMost(Duration.ofSeconds(30)).until(() -> get("http://" + address[0] + ":8080/").contains("served-"));

        worker.kill();
        TestRun.flushNatChains();
        worker = ExternalWorker.start(bootstrapServers, "nat-node", arguments);
        await().atMost(Duration.ofSeconds(60)).until(() -> get("http://" + address[0] + ":8080/").contains("served-"));

        ok(api().delete(PODS + "/" + podId + "?deletePrimaryNetworkInterfaceAllElasticIp=true"));
        await().atMost(Duration.ofSeconds(60)).until(() -> api().get(PODS + "/" + podId).status() == 404);
        await().atMost(Duration.ofSeconds(20)).until(() -> api().get(REGION_PATH + "/elasticIps/" + eip).status() == 404);
    }

    @AfterEach
    void stopWorker() throws InterruptedException {
        if (worker != null) {
            worker.close();
        }
    }

    /** A pod in a security group takes, through its elastic IP, only what an ingress rule allows. */
    @Test
    void securityGroupIngressRulesFilterWhatTheElasticIpLetsIn() {
        String vpc = created(api().post(REGION_PATH + "/vpcs", "{\"vpcName\": \"vpc-sg\"}"), "vpcId");
        String subnet = created(api().post(REGION_PATH + "/subnets", """
                {"subnetName": "subnet-sg", "vpcId": "%s", "addressPrefix": "10.33.1.0/24"}""".formatted(vpc)), "subnetId");
        String group = created(api().post(REGION_PATH + "/networkSecurityGroups", """
                {"networkSecurityGroupName": "web-only", "vpcId": "%s"}""".formatted(vpc)), "networkSecurityGroupId");
        ok(api().post(REGION_PATH + "/networkSecurityGroups/" + group + ":addNetworkSecurityGroupRules", """
                {"networkSecurityGroupRuleSpecs": [{"protocol": 6, "direction": 0, "addressPrefix": "0.0.0.0/0",
                  "fromPort": 8080, "toPort": 8080}]}"""));
        String otherVpc = created(api().post(REGION_PATH + "/vpcs", "{\"vpcName\": \"vpc-elsewhere\"}"), "vpcId");
        String foreign = created(api().post(REGION_PATH + "/networkSecurityGroups", """
                {"networkSecurityGroupName": "foreign", "vpcId": "%s"}""".formatted(otherVpc)), "networkSecurityGroupId");

        ApiClient.Response wrongVpc = api().post(PODS, "{\"podSpec\":" + pod("bad", subnet,
                "\"securityGroups\": [\"" + foreign + "\"],", "[\"true\"]") + "}");
        assertThat(wrongVpc.body().path("error").path("status").asText()).as(wrongVpc.raw()).isEqualTo("INVALID_ARGUMENT");
        assertThat(wrongVpc.body().path("error").path("message").asText()).contains("securityGroups").contains("same VPC");
        ApiClient.Response six = api().post(PODS, "{\"podSpec\":" + pod("bad", subnet,
                "\"securityGroups\": [\"a\", \"b\", \"c\", \"d\", \"e\", \"f\"],", "[\"true\"]") + "}");
        assertThat(six.body().path("error").path("message").asText()).as(six.raw()).contains("at most 5");

        String podId = createPod(pod("guarded", subnet, "\"securityGroups\": [\"" + group + "\"],",
                "[\"sh\", \"-c\", \"mkdir -p /www && echo guarded > /www/index.html && httpd -p 9090 -h /www "
                        + "&& exec httpd -f -p 8080 -h /www\"]"));
        awaitPhase(podId, "running");
        String eip = created(api().post(REGION_PATH + "/elasticIps", """
                {"maxCount": 1, "elasticIpSpec": {"bandwidthMbps": 2}}"""), "elasticIpIds");
        ok(api().post(PODS + "/" + podId + ":associateElasticIp", "{\"elasticIpId\": \"" + eip + "\"}"));
        String[] address = new String[1];
        await().atMost(Duration.ofSeconds(20)).until(() -> !(address[0] = api().get(PODS + "/" + podId).body()
                .path("result").path("pod").path("elasticIp").path("elasticIpAddress").asText()).isEmpty());
        await().atMost(Duration.ofSeconds(30)).until(() -> get("http://" + address[0] + ":8080/").contains("guarded"));
        // the pod serves 9090 too (inside its subnet), but no rule lets it in through the elastic IP
        assertThat(get("http://" + address[0] + ":9090/")).isEmpty();

        // JD Cloud's shape of the interface: its ID is listed by the group, its MAC is the sandbox's own
        JsonNode nic = api().get(PODS + "/" + podId).body().path("result").path("pod").path("primaryNetworkInterface");
        assertThat(nic.path("attachStatus").asText()).isEqualTo("attached");
        assertThat(nic.path("networkInterface").path("securityGroups").get(0).path("groupName").asText())
                .isEqualTo("web-only");
        String interfaceId = nic.path("networkInterface").path("networkInterfaceId").asText();
        assertThat(interfaceId).startsWith("port-");
        assertThat(docker.inspectContainerCmd(podId + ".infra").exec().getNetworkSettings().getNetworks().values()
                .iterator().next().getMacAddress()).isEqualTo(nic.path("networkInterface").path("macAddress").asText());
        JsonNode described = api().get(REGION_PATH + "/networkSecurityGroups/" + group).body().path("result")
                .path("networkSecurityGroup");
        assertThat(described.path("networkInterfaceIds")).extracting(JsonNode::asText).containsExactly(interfaceId);
        assertThat(described.path("securityGroupRules").get(0).path("priority").asInt()).as("JD Cloud's default")
                .isEqualTo(100);

        ApiClient.Response groupInUse = api().delete(REGION_PATH + "/networkSecurityGroups/" + group);
        assertThat(groupInUse.body().path("error").path("status").asText()).isEqualTo("FAILED_PRECONDITION");
        ok(api().delete(PODS + "/" + podId));
        await().atMost(Duration.ofSeconds(60)).until(() -> api().get(PODS + "/" + podId).status() == 404);
        ok(api().delete(REGION_PATH + "/networkSecurityGroups/" + group));
        ok(api().delete(REGION_PATH + "/networkSecurityGroups/" + foreign));
        ok(api().delete(REGION_PATH + "/subnets/" + subnet));
        ok(api().delete(REGION_PATH + "/vpcs/" + vpc));
        ok(api().delete(REGION_PATH + "/vpcs/" + otherVpc));
    }

    /** podSpec.elasticIp makes and binds one elastic IP per pod; deleting the pods releases them. */
    @Test
    void podsCreatedWithAnElasticIpEachGetTheirOwn() {
        String vpc = created(api().post(REGION_PATH + "/vpcs", "{\"vpcName\": \"vpc-eips\"}"), "vpcId");
        String subnet = created(api().post(REGION_PATH + "/subnets", """
                {"subnetName": "subnet-eips", "vpcId": "%s", "addressPrefix": "10.34.1.0/24"}""".formatted(vpc)),
                "subnetId");
        String spec = pod("public", subnet, "", "[\"sleep\", \"3600\"]")
                .replace("\"primaryNetworkInterface\"", "\"elasticIp\": {\"bandwidthMbps\": 3}, \"primaryNetworkInterface\"");
        ApiClient.Response made = api().post(PODS, "{\"maxCount\": 2, \"podSpec\": " + spec + "}");
        assertThat(made.status()).as(made.raw()).isEqualTo(200);
        List<String> podIds = new java.util.ArrayList<>();
        made.body().path("result").path("podIds").forEach(id -> podIds.add(id.asText()));
        assertThat(podIds).hasSize(2);
        List<String> elasticIps = new java.util.ArrayList<>();
        for (String podId : podIds) {
            await().atMost(Duration.ofSeconds(20)).until(() -> !api().get(PODS + "/" + podId).body().path("result")
                    .path("pod").path("elasticIp").path("elasticIpId").asText().isEmpty());
            JsonNode pod = api().get(PODS + "/" + podId).body().path("result").path("pod");
            assertThat(pod.path("elasticIp").path("elasticIpAddress").asText()).startsWith("127.100.0.");
            elasticIps.add(pod.path("elasticIp").path("elasticIpId").asText());
        }
        assertThat(elasticIps).doesNotHaveDuplicates();

        for (String podId : podIds) {
            awaitPhase(podId, "running");
            ok(api().delete(PODS + "/" + podId + "?deletePrimaryNetworkInterfaceAllElasticIp=true"));
        }
        for (String elasticIp : elasticIps) {
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    api().get(REGION_PATH + "/elasticIps/" + elasticIp).status() == 404);
        }
        for (String podId : podIds) {
            await().atMost(Duration.ofSeconds(60)).until(() -> api().get(PODS + "/" + podId).status() == 404);
        }
        ok(api().delete(REGION_PATH + "/subnets/" + subnet));
        ok(api().delete(REGION_PATH + "/vpcs/" + vpc));
    }

    @Test
    void networkRequestsAreCheckedFieldByField() {
        ApiClient.Response cidr = api().post(REGION_PATH + "/vpcs", "{\"vpcName\": \"v\", \"addressPrefix\": \"8.8.8.0/24\"}");
        assertThat(cidr.status()).isEqualTo(400);
        assertThat(cidr.body().path("error").path("message").asText()).contains("addressPrefix");
        ApiClient.Response name = api().post(REGION_PATH + "/vpcs", "{\"vpcName\": \"has spaces\"}");
        assertThat(name.body().path("error").path("message").asText()).contains("vpcName");
        ApiClient.Response noVpc = api().post(REGION_PATH + "/subnets",
                "{\"subnetName\": \"s\", \"vpcId\": \"vpc-nothere\", \"addressPrefix\": \"10.40.0.0/24\"}");
        assertThat(noVpc.status()).isEqualTo(404);
        ApiClient.Response bandwidth = api().post(REGION_PATH + "/elasticIps",
                "{\"maxCount\": 1, \"elasticIpSpec\": {\"bandwidthMbps\": 101}}");
        assertThat(bandwidth.body().path("error").path("message").asText()).contains("bandwidthMbps");
        ApiClient.Response noSubnet = api().post(PODS, "{\"podSpec\":" + pod("p", "subnet-nothere", "", "[\"true\"]") + "}");
        assertThat(noSubnet.status()).isEqualTo(404);
        assertThat(noSubnet.body().path("error").path("message").asText()).contains("subnetId");
        // another account sees none of this account's VPCs
        String vpc = created(api().post(REGION_PATH + "/vpcs", "{\"vpcName\": \"mine\"}"), "vpcId");
        assertThat(apiAs("network").get(REGION_PATH + "/vpcs/" + vpc).status()).isEqualTo(404);
        assertThat(apiAs("network").get(REGION_PATH + "/vpcs").body().path("result").path("totalCount").asInt())
                .isZero();
        ok(api().delete(REGION_PATH + "/vpcs/" + vpc));
    }

    private static String pod(String name, String subnetId, String addressField, String command) {
        return """
                {"name": "%s", "instanceType": "g.n2.medium", "terminationGracePeriodSeconds": 1,
                 "primaryNetworkInterface": {"networkInterface": {%s "subnetId": "%s"}},
                 "containers": [{"name": "app", "image": "%s", "command": %s}]}"""
                .formatted(name, addressField, subnetId, IMAGE, command);
    }

    private static String created(ApiClient.Response response, String field) {
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        JsonNode value = response.body().path("result").path(field);
        return value.isArray() ? value.get(0).asText() : value.asText();
    }

    /** The body of a GET from this host, or "" when nothing answers. */
    private static String get(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private String exec(String container, String... command) throws InterruptedException {
        StringBuilder output = new StringBuilder();
        run(container, output, command);
        return output.toString();
    }

    private long exitCode(String container, String... command) throws InterruptedException {
        return run(container, new StringBuilder(), command);
    }

    private long run(String container, StringBuilder output, String... command) throws InterruptedException {
        String execId = docker.execCreateCmd(container).withAttachStdout(true).withAttachStderr(true).withCmd(command)
                .exec().getId();
        docker.execStartCmd(execId).exec(new ResultCallback.Adapter<Frame>() {
            @Override
            public void onNext(Frame frame) {
                output.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
            }
        }).awaitCompletion(30, TimeUnit.SECONDS);
        Long code = docker.inspectExecCmd(execId).exec().getExitCodeLong();
        return code == null ? -1 : code;
    }
}
