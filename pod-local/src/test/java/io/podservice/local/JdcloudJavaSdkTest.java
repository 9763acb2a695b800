package io.podservice.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jdcloud.sdk.auth.StaticCredentialsProvider;
import com.jdcloud.sdk.client.Environment;
import com.jdcloud.sdk.http.HttpRequestConfig;
import com.jdcloud.sdk.http.Protocol;
import com.jdcloud.sdk.service.JdcloudResponse;
import com.jdcloud.sdk.service.common.model.Filter;
import com.jdcloud.sdk.service.vpc.client.VpcClient;
import com.jdcloud.sdk.service.vpc.model.AddNetworkSecurityGroupRulesRequest;
import com.jdcloud.sdk.service.vpc.model.AddSecurityGroupRules;
import com.jdcloud.sdk.service.vpc.model.CreateElasticIpsRequest;
import com.jdcloud.sdk.service.vpc.model.CreateNetworkSecurityGroupRequest;
import com.jdcloud.sdk.service.vpc.model.CreateSubnetRequest;
import com.jdcloud.sdk.service.vpc.model.CreateVpcRequest;
import com.jdcloud.sdk.service.vpc.model.DeleteElasticIpRequest;
import com.jdcloud.sdk.service.vpc.model.DeleteNetworkSecurityGroupRequest;
import com.jdcloud.sdk.service.vpc.model.DeleteSubnetRequest;
import com.jdcloud.sdk.service.vpc.model.DeleteVpcRequest;
import com.jdcloud.sdk.service.vpc.model.DescribeElasticIpRequest;
import com.jdcloud.sdk.service.vpc.model.DescribeElasticIpsRequest;
import com.jdcloud.sdk.service.vpc.model.DescribeNetworkSecurityGroupRequest;
import com.jdcloud.sdk.service.vpc.model.DescribeNetworkSecurityGroupsRequest;
import com.jdcloud.sdk.service.vpc.model.DescribeSubnetRequest;
import com.jdcloud.sdk.service.vpc.model.DescribeSubnetsRequest;
import com.jdcloud.sdk.service.vpc.model.DescribeVpcRequest;
import com.jdcloud.sdk.service.vpc.model.DescribeVpcsRequest;
import com.jdcloud.sdk.service.vpc.model.ElasticIpSpec;
import io.podservice.local.JdcloudPodSdk.*;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * JD Cloud's own Java SDK as the judge of the wire: its core ({@code com.jdcloud.sdk:core}) signs,
 * sends and parses every pod operation, and its VPC module ({@code com.jdcloud.sdk:vpc}) the VPC
 * subset, unchanged. Each answer is read through the SDK's models.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdcloudJavaSdkTest extends ServiceTest {

    private static final String PODS = "/regions/{regionId}/pods";
    private static final String POD = PODS + "/{podId}";
    private static final String CONTAINER = POD + "/containers/{containerName}";
    private final String password = "sdk-" + UUID.randomUUID();
    private final PrivateRegistry registry = new PrivateRegistry("sdk-user", password);
    private String image;
    private JdcloudPodSdk pods;
    private VpcClient vpc;

    @BeforeAll
    void clients() {
        registry.start();
        image = registry.pushBusybox();
        Map<String, String> keys = credentials();
        pods = new JdcloudPodSdk("127.0.0.1:" + port, keys.get("access_key"), keys.get("secret_key"));
        vpc = VpcClient.builder()
                .credentialsProvider(new StaticCredentialsProvider(keys.get("access_key"), keys.get("secret_key")))
                .httpRequestConfig(new HttpRequestConfig.Builder().protocol(Protocol.HTTP).build())
                .environment(new Environment.Builder().endpoint("127.0.0.1:" + port).build())
                .build();
    }

    @AfterAll
    void stopRegistry() {
        registry.stop();
        TestRun.removeImage(image);
    }

    @Test
    void everyPodOperationThroughTheJavaSdk() throws Exception {
        // a registry secret, its data Base64 as JD Cloud takes it
        String secret = "sdk-" + TestRun.ID;
        CreateSecretRequest createSecret = new CreateSecretRequest();
        createSecret.name = secret;
        createSecret.data = Map.of("server", b64(registry.address()), "username", b64("sdk-user"), "password", b64(password),
                "email", b64("ops@example.com"));
        assertThat(ok(pods.call("POST", "/regions/{regionId}/secrets", createSecret, CreateSecretResponse.class))
                .secretName).isEqualTo(secret);
        Secret described = ok(pods.call("GET", "/regions/{regionId}/secrets/{name}", new SecretRequest(secret),
                DescribeSecretResponse.class)).secret;
        assertThat(described.type).isEqualTo("docker-registry");
        assertThat(described.data).containsEntry("server", b64(registry.address())).doesNotContainKey("password");
        assertThat(described.createdAt).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");

        // a subnet and an elastic IP for the pod
        String vpcId = vpc.createVpc(vpcRequest("sdk", "10.91.0.0/16")).getResult().getVpcId();
        CreateSubnetRequest subnetRequest = new CreateSubnetRequest();
        subnetRequest.setRegionId(REGION);
        subnetRequest.setVpcId(vpcId);
        subnetRequest.setSubnetName("sdk");
        subnetRequest.setAddressPrefix("10.91.1.0/24");
        String subnetId = vpc.createSubnet(subnetRequest).getResult().getSubnetId();
        String elasticIpId = vpc.createElasticIps(elasticIpsRequest()).getResult().getElasticIpIds().get(0);

        CheckPodNameRequest check = new CheckPodNameRequest();
        check.podName = "sdk-" + TestRun.ID;
        assertThat(ok(pods.call("POST", PODS + ":checkPodName", check, CheckPodNameResponse.class)).code).isZero();

        CreatePodsRequest create = new CreatePodsRequest();
        create.podSpec = Map.of("name", "sdk-" + TestRun.ID, "instanceType", "g.n2.medium",
                "terminationGracePeriodSeconds", 1,
                "primaryNetworkInterface", Map.of("networkInterface", Map.of("subnetId", subnetId)),
                "containers", List.of(Map.of("name", "app", "image", image, "secret", secret, "tty", true,
                        "command", List.of("sh", "-c", "while true; do echo tick; sleep 1; done"),
                        "resources", Map.of("limits", Map.of("cpu", "500m", "memoryMB", "256Mi"),
                                "requests", Map.of("cpu", "250m", "memoryMB", "128Mi")))));
        String podId = ok(pods.call("POST", PODS, create, CreatePodsResponse.class)).podIds.get(0);
        Pod justCreated = ok(pods.call("GET", POD, new PodRequest(podId), DescribePodResponse.class)).pod;
        assertThat(justCreated.podId).as("read-your-writes: found at once").isEqualTo(podId);
        assertThat(justCreated.createTime).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        Pod running = awaitSdkPhase(podId, "running");
        assertThat(running.podStatus.podIP).isNotBlank();
        assertThat(running.subnetId).isEqualTo(subnetId);
        assertThat(running.charge.chargeMode).isEqualTo("postpaid_by_duration");

        DescribePodsRequest list = new DescribePodsRequest();
        list.filters = List.of(new JdcloudPodSdk.Filter("podId", List.of(podId)));
        assertThat(ok(pods.call("GET", PODS, list, DescribePodsResponse.class)).pods).extracting(p -> p.podId)
                .containsExactly(podId);
        DescribePodsRequest awkward = new DescribePodsRequest();
        awkward.filters = List.of(new JdcloudPodSdk.Filter("name", List.of("a b:c/d%e+f 中文")));
        assertThat(ok(pods.call("GET", PODS, awkward, DescribePodsResponse.class)).totalCount)
                .as("signed and read with spaces, ':', '/', '%', '+' and non-ASCII in a filter").isZero();

        Container container = ok(pods.call("GET", CONTAINER, new ContainerRequest(podId, "app"),
                DescribeContainerResponse.class)).container;
        assertThat(container.resources.limits.cpu).isEqualTo("500m");
        assertThat(container.resources.limits.memoryMB).isEqualTo("256Mi");
        assertThat(container.resources.requests.cpu).isEqualTo("250m");
        assertThat(container.containerStatus.state.running).isNotNull();
        assertThat(ok(pods.call("POST", PODS + ":checkPodName", check, CheckPodNameResponse.class)).code)
                .as("taken").isEqualTo(3);

        ok(pods.call("PATCH", POD + ":modifyPodAttribute", new ModifyPodAttributeRequest(podId, "described by the SDK"),
                EmptyResponse.class));
        assertThat(ok(pods.call("GET", POD, new PodRequest(podId), DescribePodResponse.class)).pod.description)
                .as("read-your-writes after a modify").isEqualTo("described by the SDK");

        await().atMost(Duration.ofSeconds(20)).until(() -> ok(pods.call("GET", CONTAINER + ":getContainerLogs",
                new GetContainerLogsRequest(podId, "app", 3), GetContainerLogsResponse.class)).logs.content.contains("tick"));

        String execId = ok(pods.call("POST", CONTAINER + ":execCreate", new ExecCreateRequest(podId, "app",
                List.of("sh", "-c", "echo from-exec; exit 3"), false), ExecCreateResponse.class)).execId;
        EmptyResponse plainStart = pods.call("GET", CONTAINER + ":execStart", new ExecRequest(podId, "app", execId),
                EmptyResponse.class);
        assertThat(plainStart.getError().getStatus()).as("the SDK's plain GET gets the envelope")
                .isEqualTo("INVALID_ARGUMENT");
        assertThat(plainStart.getError().getMessage()).contains("WebSocket");
        ApiWebSocket stream = ApiWebSocket.connect(port, "/v1/regions/" + REGION + "/pods/" + podId
                + "/containers/app:execStart?execId=" + execId);
        await().atMost(Duration.ofSeconds(20)).until(() -> stream.closed.get());
        assertThat(stream.stdout()).contains("from-exec");
        await().atMost(Duration.ofSeconds(10)).until(() -> pods.call("GET", CONTAINER + ":execGetExitCode",
                new ExecRequest(podId, "app", execId), ExecGetExitCodeResponse.class).getError() == null);
        assertThat(ok(pods.call("GET", CONTAINER + ":execGetExitCode", new ExecRequest(podId, "app", execId),
                ExecGetExitCodeResponse.class)).execCode).isEqualTo(3);
        ok(pods.call("POST", CONTAINER + ":resizeTTY", new ResizeTtyRequest(podId, "app", null, 30, 100),
                EmptyResponse.class));
        assertThat(pods.call("GET", CONTAINER + ":attach", new ContainerRequest(podId, "app"), EmptyResponse.class)
                .getError().getStatus()).isEqualTo("INVALID_ARGUMENT");

        ok(pods.call("POST", POD + ":associateElasticIp", new ElasticIpRequest(podId, elasticIpId), EmptyResponse.class));
        assertThat(ok(pods.call("GET", POD, new PodRequest(podId), DescribePodResponse.class)).pod.elasticIp.elasticIpId)
                .isEqualTo(elasticIpId);
        DescribeElasticIpRequest eip = new DescribeElasticIpRequest();
        eip.setRegionId(REGION);
        eip.setElasticIpId(elasticIpId);
        assertThat(vpc.describeElasticIp(eip).getResult().getElasticIp().getStatus()).isEqualTo("ASSOCIATED");
        ok(pods.call("POST", POD + ":disassociateElasticIp", new ElasticIpRequest(podId, elasticIpId), EmptyResponse.class));

        ok(pods.call("POST", POD + ":stopPod", new PodRequest(podId), EmptyResponse.class));
        awaitSdkPhase(podId, "stopped");
        ok(pods.call("POST", POD + ":rebuild", new RebuildPodRequest(podId, List.of(Map.of("name", "app", "image", image,
                "command", List.of("sh", "-c", "echo rebuilt; exec sleep 3600")))), EmptyResponse.class));
        awaitSdkPhase(podId, "stopped");
        ok(pods.call("POST", POD + ":startPod", new PodRequest(podId), EmptyResponse.class));
        awaitSdkPhase(podId, "running");

        Quota quota = ok(pods.call("GET", "/regions/{regionId}/quotas", new DescribeQuotaRequest("pod"),
                DescribeQuotaResponse.class)).quota;
        assertThat(quota.limit).isPositive();
        assertThat(quota.used).isPositive();
        DescribeInstanceTypesRequest types = new DescribeInstanceTypesRequest();
        types.filters = List.of(new JdcloudPodSdk.Filter("instanceTypes", List.of("g.n2.medium")));
        InstanceType medium = ok(pods.call("GET", "/regions/{regionId}/instanceTypes", types,
                DescribeInstanceTypesResponse.class)).instanceTypes.get(0);
        assertThat(medium.cpu).isEqualTo(1);
        assertThat(medium.memoryMB).isEqualTo(4096);

        ok(pods.call("DELETE", POD, new DeletePodRequest(podId, false), EmptyResponse.class));
        await().atMost(Duration.ofSeconds(60)).until(() -> "NOT_FOUND".equals(statusOf(
                pods.call("GET", POD, new PodRequest(podId), DescribePodResponse.class))));
        assertThat(vpc.describeElasticIp(eip).getResult().getElasticIp().getStatus())
                .as("deletePod keeps the elastic IP unless asked").isEqualTo("NOT_ASSOCIATED");

        DeleteElasticIpRequest deleteEip = new DeleteElasticIpRequest();
        deleteEip.setRegionId(REGION);
        deleteEip.setElasticIpId(elasticIpId);
        assertThat(vpc.deleteElasticIp(deleteEip).getError()).isNull();
        DeleteSubnetRequest deleteSubnet = new DeleteSubnetRequest();
        deleteSubnet.setRegionId(REGION);
        deleteSubnet.setSubnetId(subnetId);
        assertThat(vpc.deleteSubnet(deleteSubnet).getError()).isNull();
        DeleteVpcRequest deleteVpc = new DeleteVpcRequest();
        deleteVpc.setRegionId(REGION);
        deleteVpc.setVpcId(vpcId);
        assertThat(vpc.deleteVpc(deleteVpc).getError()).isNull();

        ok(pods.call("DELETE", "/regions/{regionId}/secrets/{name}", new SecretRequest(secret), EmptyResponse.class));
        assertThat(statusOf(pods.call("GET", "/regions/{regionId}/secrets/{name}", new SecretRequest(secret),
                DescribeSecretResponse.class))).as("read-your-writes after a delete").isEqualTo("NOT_FOUND");
    }

    @Test
    void errorsAreReadThroughTheSdksErrorModel() {
        DescribePodResponse missing = pods.call("GET", POD, new PodRequest("pod-missing0000"), DescribePodResponse.class);
        assertThat(missing.getError().getCode()).isEqualTo(404);
        assertThat(missing.getError().getStatus()).isEqualTo("NOT_FOUND");
        assertThat(missing.getRequestId()).isNotBlank();
        CreatePodsRequest invalid = new CreatePodsRequest();
        invalid.podSpec = Map.of("name", "Not_Valid", "instanceType", "g.n2.medium",
                "containers", List.of(Map.of("name", "app", "image", image)));
        CreatePodsResponse refused = pods.call("POST", PODS, invalid, CreatePodsResponse.class);
        assertThat(refused.getError().getStatus()).isEqualTo("INVALID_ARGUMENT");
        assertThat(refused.getError().getMessage()).contains("podSpec.name");
    }

    @Test
    void theVpcSubsetThroughJdCloudsVpcModule() {
        String vpcId = vpc.createVpc(vpcRequest("sdk-groups", "10.92.0.0/16")).getResult().getVpcId();
        DescribeVpcRequest describeVpc = new DescribeVpcRequest();
        describeVpc.setRegionId(REGION);
        describeVpc.setVpcId(vpcId);
        assertThat(vpc.describeVpc(describeVpc).getResult().getVpc().getVpcName()).isEqualTo("sdk-groups-" + TestRun.ID);
        DescribeVpcsRequest vpcs = new DescribeVpcsRequest();
        vpcs.setRegionId(REGION);
        vpcs.setFilters(List.of(filter("vpcIds", vpcId)));
        assertThat(vpc.describeVpcs(vpcs).getResult().getVpcs()).hasSize(1);

        CreateSubnetRequest subnetRequest = new CreateSubnetRequest();
        subnetRequest.setRegionId(REGION);
        subnetRequest.setVpcId(vpcId);
        subnetRequest.setSubnetName("groups");
        subnetRequest.setAddressPrefix("10.92.3.0/24");
        String subnetId = vpc.createSubnet(subnetRequest).getResult().getSubnetId();
        DescribeSubnetRequest describeSubnet = new DescribeSubnetRequest();
        describeSubnet.setRegionId(REGION);
        describeSubnet.setSubnetId(subnetId);
        assertThat(vpc.describeSubnet(describeSubnet).getResult().getSubnet().getSubnetType()).isEqualTo("standard");
        DescribeSubnetsRequest subnets = new DescribeSubnetsRequest();
        subnets.setRegionId(REGION);
        subnets.setFilters(List.of(filter("vpcId", vpcId)));
        assertThat(vpc.describeSubnets(subnets).getResult().getSubnets()).extracting(s -> s.getSubnetId())
                .containsExactly(subnetId);

        CreateNetworkSecurityGroupRequest group = new CreateNetworkSecurityGroupRequest();
        group.setRegionId(REGION);
        group.setVpcId(vpcId);
        group.setNetworkSecurityGroupName("web");
        String groupId = vpc.createNetworkSecurityGroup(group).getResult().getNetworkSecurityGroupId();
        AddSecurityGroupRules rule = new AddSecurityGroupRules();
        rule.setProtocol(6);
        rule.setDirection(0);
        rule.setAddressPrefix("0.0.0.0/0");
        rule.setFromPort(8080);
        rule.setToPort(8080);
        AddNetworkSecurityGroupRulesRequest rules = new AddNetworkSecurityGroupRulesRequest();
        rules.setRegionId(REGION);
        rules.setNetworkSecurityGroupId(groupId);
        rules.setNetworkSecurityGroupRuleSpecs(List.of(rule));
        assertThat(vpc.addNetworkSecurityGroupRules(rules).getError()).isNull();
        DescribeNetworkSecurityGroupRequest describeGroup = new DescribeNetworkSecurityGroupRequest();
        describeGroup.setRegionId(REGION);
        describeGroup.setNetworkSecurityGroupId(groupId);
        var described = vpc.describeNetworkSecurityGroup(describeGroup).getResult().getNetworkSecurityGroup();
        assertThat(described.getSecurityGroupRules()).hasSize(1);
        assertThat(described.getSecurityGroupRules().get(0).getFromPort().intValue()).isEqualTo(8080);
        DescribeNetworkSecurityGroupsRequest groups = new DescribeNetworkSecurityGroupsRequest();
        groups.setRegionId(REGION);
        groups.setFilters(List.of(filter("vpcId", vpcId)));
        assertThat(vpc.describeNetworkSecurityGroups(groups).getResult().getNetworkSecurityGroups()).hasSize(1);

        String elasticIpId = vpc.createElasticIps(elasticIpsRequest()).getResult().getElasticIpIds().get(0);
        DescribeElasticIpsRequest eips = new DescribeElasticIpsRequest();
        eips.setRegionId(REGION);
        eips.setFilters(List.of(filter("elasticIpIds", elasticIpId)));
        assertThat(vpc.describeElasticIps(eips).getResult().getElasticIps()).as("read-your-writes of a list").hasSize(1);

        DeleteElasticIpRequest deleteEip = new DeleteElasticIpRequest();
        deleteEip.setRegionId(REGION);
        deleteEip.setElasticIpId(elasticIpId);
        assertThat(vpc.deleteElasticIp(deleteEip).getError()).isNull();
        DeleteNetworkSecurityGroupRequest deleteGroup = new DeleteNetworkSecurityGroupRequest();
        deleteGroup.setRegionId(REGION);
        deleteGroup.setNetworkSecurityGroupId(groupId);
        assertThat(vpc.deleteNetworkSecurityGroup(deleteGroup).getError()).isNull();
        assertThat(vpc.describeNetworkSecurityGroup(describeGroup).getError().getCode())
                .as("read-your-writes after a delete").isEqualTo(404);
        DeleteSubnetRequest deleteSubnet = new DeleteSubnetRequest();
        deleteSubnet.setRegionId(REGION);
        deleteSubnet.setSubnetId(subnetId);
        assertThat(vpc.deleteSubnet(deleteSubnet).getError()).isNull();
        DeleteVpcRequest deleteVpc = new DeleteVpcRequest();
        deleteVpc.setRegionId(REGION);
        deleteVpc.setVpcId(vpcId);
        assertThat(vpc.deleteVpc(deleteVpc).getError()).isNull();
    }

    private Pod awaitSdkPhase(String podId, String phase) {
        Pod[] last = new Pod[1];
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> {
            last[0] = ok(pods.call("GET", POD, new PodRequest(podId), DescribePodResponse.class)).pod;
            return phase.equals(last[0].podStatus.phase);
        });
        return last[0];
    }

    private static <T extends com.jdcloud.sdk.service.JdcloudResult> T ok(JdcloudResponse<T> response) {
        assertThat(response.getError()).as("error of request %s", response.getRequestId()).isNull();
        assertThat(response.getRequestId()).isNotBlank();
        return response.getResult();
    }

    private static String statusOf(JdcloudResponse<?> response) {
        return response.getError() == null ? "OK" : response.getError().getStatus();
    }

    private static CreateVpcRequest vpcRequest(String name, String prefix) {
        CreateVpcRequest request = new CreateVpcRequest();
        request.setRegionId(REGION);
        request.setVpcName(name + "-" + TestRun.ID);
        request.setAddressPrefix(prefix);
        return request;
    }

    private static CreateElasticIpsRequest elasticIpsRequest() {
        ElasticIpSpec spec = new ElasticIpSpec();
        spec.setBandwidthMbps(5);
        spec.setProvider("bgp");
        CreateElasticIpsRequest request = new CreateElasticIpsRequest();
        request.setRegionId(REGION);
        request.setMaxCount(1);
        request.setElasticIpSpec(spec);
        return request;
    }

    private static Filter filter(String name, String value) {
        Filter filter = new Filter();
        filter.setName(name);
        filter.setValues(List.of(value));
        return filter;
    }
}
