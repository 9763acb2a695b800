package io.podservice.local;

import com.jdcloud.sdk.auth.CredentialsProvider;
import com.jdcloud.sdk.auth.StaticCredentialsProvider;
import com.jdcloud.sdk.client.Environment;
import com.jdcloud.sdk.client.JdcloudClient;
import com.jdcloud.sdk.client.JdcloudExecutor;
import com.jdcloud.sdk.http.HttpRequestConfig;
import com.jdcloud.sdk.http.Protocol;
import com.jdcloud.sdk.service.JdcloudRequest;
import com.jdcloud.sdk.service.JdcloudResponse;
import com.jdcloud.sdk.service.JdcloudResult;
import java.util.List;
import java.util.Map;

/**
 * JD Cloud's Java SDK core driving the pod API. JD Cloud publishes no pod module on Maven Central,
 * so the requests and results here are the pod API's models (field names and types as JD Cloud's
 * pod SDKs have them), sent, signed and parsed by the SDK core's own executor, the way its
 * generated clients are made.
 */
final class JdcloudPodSdk extends JdcloudClient {

    private final String endpoint;
    private final String accessKey;
    private final String secretKey;

    JdcloudPodSdk(String endpoint, String accessKey, String secretKey) {
        this.endpoint = endpoint;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
    }

    @Override
    public CredentialsProvider getCredentialsProvider() {
        return new StaticCredentialsProvider(accessKey, secretKey);
    }

    @Override
    public HttpRequestConfig getHttpRequestConfig() {
        return new HttpRequestConfig.Builder().protocol(Protocol.HTTP).connectionTimeout(10_000).socketTimeout(60_000)
                .build();
    }

    @Override
    public Environment getEnvironment() {
        return new Environment.Builder().endpoint(endpoint).build();
    }

    @Override
    public String getUserAgent() {
        return "JdcloudSdkJava/1.2.9 pod/v1";
    }

    @Override
    public String getServiceName() {
        return "pod";
    }

    @Override
    public String getVersion() {
        return "v1";
    }

    /** One operation: method, path template (as the SDKs' executors write it) and the response type. */
    @SuppressWarnings("unchecked")
    <R extends JdcloudResponse<?>> R call(String method, String url, JdcloudRequest request, Class<R> type) {
        return (R) new JdcloudExecutor() {
            @Override
            public String method() {
                return method;
            }

            @Override
            public String url() {
                return url;
            }

            @Override
            public Class<? extends JdcloudResponse> returnType() {
                return type;
            }
        }.client(this).execute(request);
    }

    // ---- requests: every field on the class itself (the SDK core looks one superclass up for path values) ----

    public static final class RegionRequest extends JdcloudRequest {
        public String regionId = ServiceTest.REGION;

        @Override
        public String getRegionId() {
            return regionId;
        }
    }

    public static final class PodRequest extends JdcloudRequest {
        public String regionId = ServiceTest.REGION;

        @Override
        public String getRegionId() {
            return regionId;
        }
        public String podId;

        PodRequest(String podId) {
            this.podId = podId;
        }
    }

    public static final class ContainerRequest extends JdcloudRequest {
        public String regionId = ServiceTest.REGION;

        @Override
        public String getRegionId() {
            return regionId;
        }
        public String podId;
        public String containerName;

        ContainerRequest(String podId, String containerName) {
            this.podId = podId;
            this.containerName = containerName;
        }
    }

    public static final class CreatePodsRequest extends JdcloudRequest {
        public String regionId = ServiceTest.REGION;

        @Override
        public String getRegionId() {
            return regionId;
        }
        public Map<String, Object> podSpec;
        public Integer maxCount;
        public String clientToken;
    }

    public static final class Filter {
        public String name;
        public List<String> values;

        Filter(String name, List<String> values) {
            this.name = name;
            this.values = values;
        }
    }

    public static final class DescribePodsRequest extends JdcloudRequest {
        public String regionId = ServiceTest.REGION;

        @Override
        public String getRegionId() {
            return regionId;
        }
        public Integer pageNumber;
        public Integer pageSize;
        public List<Filter> filters;
    }

    public static final class CheckPodNameRequest extends JdcloudRequest {
        public String regionId = ServiceTest.REGION;

        @Override
        public String getRegionId() {
            return regionId;
        }
        public String podName;
        public Integer maxCount;
    }

    public static final class ModifyPodAttributeRequest extends JdcloudRequest {
        public String regionId = ServiceTest.REGION;

        @Override
        public String getRegionId() {
            return regionId;
        }
        public String podId;
        public String description;

        ModifyPodAttributeRequest(String podId, String description) {
            this.podId = podId;
            this.description = description;
        }
    }

    public static final class RebuildPodRequest extends JdcloudRequest {
        public String regionId = ServiceTest.REGION;

        @Override
        public String getRegionId() {
            return regionId;
        }
        public String podId;
        public List<Map<String, Object>> containers;

        RebuildPodRequest(String podId, List<Map<String, Object>> containers) {
            this.podId = podId;
            this.containers = containers;
        }
    }

    public static final class DeletePodRequest extends JdcloudRequest {
        public String regionId = ServiceTest.REGION;

        @Override
        public String getRegionId() {
            return regionId;
        }
        public String podId;
        public Boolean deletePrimaryNetworkInterfaceAllElasticIp;

        DeletePodRequest(String podId, Boolean release) {
            this.podId = podId;
            this.deletePrimaryNetworkInterfaceAllElasticIp = release;
        }
    }

    public static final class ElasticIpRequest extends JdcloudRequest {
        public String regionId = ServiceTest.REGION;

        @Override
        public String getRegionId() {
            return regionId;
        }
        public String podId;
        public String elasticIpId;

        ElasticIpRequest(String podId, String elasticIpId) {
            this.podId = podId;
            this.elasticIpId = elasticIpId;
        }
    }

    public static final class GetContainerLogsRequest extends JdcloudRequest {
        public String regionId = ServiceTest.REGION;

        @Override
        public String getRegionId() {
            return regionId;
        }
        public String podId;
        public String containerName;
        public Integer tailLines;

        GetContainerLogsRequest(String podId, String containerName, Integer tailLines) {
            this.podId = podId;
            this.containerName = containerName;
            this.tailLines = tailLines;
        }
    }

    public static final class ExecCreateRequest extends JdcloudRequest {
        public String regionId = ServiceTest.REGION;

        @Override
        public String getRegionId() {
            return regionId;
        }
        public String podId;
        public String containerName;
        public List<String> command;
        public Boolean tty;

        ExecCreateRequest(String podId, String containerName, List<String> command, boolean tty) {
            this.podId = podId;
            this.containerName = containerName;
            this.command = command;
            this.tty = tty;
        }
    }

    public static final class ExecRequest extends JdcloudRequest {
        public String regionId = ServiceTest.REGION;

        @Override
        public String getRegionId() {
            return regionId;
        }
        public String podId;
        public String containerName;
        public String execId;

        ExecRequest(String podId, String containerName, String execId) {
            this.podId = podId;
            this.containerName = containerName;
            this.execId = execId;
        }
    }

    public static final class ResizeTtyRequest extends JdcloudRequest {
        public String regionId = ServiceTest.REGION;

        @Override
        public String getRegionId() {
            return regionId;
        }
        public String podId;
        public String containerName;
        public Integer height;
        public Integer width;
        public String execId;

        ResizeTtyRequest(String podId, String containerName, String execId, int height, int width) {
            this.podId = podId;
            this.containerName = containerName;
            this.execId = execId;
            this.height = height;
            this.width = width;
        }
    }

    public static final class CreateSecretRequest extends JdcloudRequest {
        public String regionId = ServiceTest.REGION;

        @Override
        public String getRegionId() {
            return regionId;
        }
        public String name;
        public String secretType = "docker-registry";
        public Map<String, String> data;
    }

    public static final class SecretRequest extends JdcloudRequest {
        public String regionId = ServiceTest.REGION;

        @Override
        public String getRegionId() {
            return regionId;
        }
        public String name;

        SecretRequest(String name) {
            this.name = name;
        }
    }

    public static final class DescribeQuotaRequest extends JdcloudRequest {
        public String regionId = ServiceTest.REGION;

        @Override
        public String getRegionId() {
            return regionId;
        }
        public String resourceType;

        DescribeQuotaRequest(String resourceType) {
            this.resourceType = resourceType;
        }
    }

    public static final class DescribeInstanceTypesRequest extends JdcloudRequest {
        public String regionId = ServiceTest.REGION;

        @Override
        public String getRegionId() {
            return regionId;
        }
        public List<Filter> filters;
    }

    // ---- results, with JD Cloud's field names and types ----

    public static final class CreatePodsResult extends JdcloudResult {
        public List<String> podIds;
    }

    public static final class CreatePodsResponse extends JdcloudResponse<CreatePodsResult> {
    }

    public static final class Request {
        public String cpu;
        public String memoryMB;
    }

    public static final class ResourceRequests {
        public Request requests;
        public Request limits;
    }

    public static final class ContainerState {
        public Map<String, Object> running;
        public Map<String, Object> terminated;
        public Map<String, Object> waiting;
    }

    public static final class ContainerStatus {
        public String name;
        public Integer restartCount;
        public Boolean ready;
        public ContainerState state;
        public ContainerState lastState;
    }

    public static final class Container {
        public String name;
        public String image;
        public List<String> command;
        public ResourceRequests resources;
        public ContainerStatus containerStatus;
    }

    public static final class PodStatus {
        public String phase;
        public String reason;
        public String message;
        public String podIP;
        public List<Map<String, Object>> conditions;
        public String startTime;
    }

    public static final class Charge {
        public String chargeMode;
        public String chargeStatus;
        public String chargeStartTime;
    }

    public static final class ElasticIp {
        public String elasticIpId;
        public String elasticIpAddress;
    }

    public static final class Pod {
        public String podId;
        public String name;
        public String description;
        public String az;
        public String instanceType;
        public String restartPolicy;
        public Integer terminationGracePeriodSeconds;
        public String vpcId;
        public String subnetId;
        public String privateIpAddress;
        public List<Container> containers;
        public PodStatus podStatus;
        public ElasticIp elasticIp;
        public Charge charge;
        public String createTime;
    }

    public static final class DescribePodResult extends JdcloudResult {
        public Pod pod;
    }

    public static final class DescribePodResponse extends JdcloudResponse<DescribePodResult> {
    }

    public static final class DescribePodsResult extends JdcloudResult {
        public List<Pod> pods;
        public Integer totalCount;
    }

    public static final class DescribePodsResponse extends JdcloudResponse<DescribePodsResult> {
    }

    public static final class DescribeContainerResult extends JdcloudResult {
        public Container container;
    }

    public static final class DescribeContainerResponse extends JdcloudResponse<DescribeContainerResult> {
    }

    public static final class CheckPodNameResult extends JdcloudResult {
        public Integer code;
        public String reason;
    }

    public static final class CheckPodNameResponse extends JdcloudResponse<CheckPodNameResult> {
    }

    public static final class EmptyResult extends JdcloudResult {
    }

    public static final class EmptyResponse extends JdcloudResponse<EmptyResult> {
    }

    public static final class Logs {
        public String content;
    }

    public static final class GetContainerLogsResult extends JdcloudResult {
        public Logs logs;
    }

    public static final class GetContainerLogsResponse extends JdcloudResponse<GetContainerLogsResult> {
    }

    public static final class ExecCreateResult extends JdcloudResult {
        public String execId;
    }

    public static final class ExecCreateResponse extends JdcloudResponse<ExecCreateResult> {
    }

    public static final class ExecGetExitCodeResult extends JdcloudResult {
        public Integer execCode;
    }

    public static final class ExecGetExitCodeResponse extends JdcloudResponse<ExecGetExitCodeResult> {
    }

    public static final class CreateSecretResult extends JdcloudResult {
        public String secretName;
    }

    public static final class CreateSecretResponse extends JdcloudResponse<CreateSecretResult> {
    }

    public static final class Secret {
        public String name;
        public String type;
        public String createdAt;
        public Map<String, String> data;
    }

    public static final class DescribeSecretResult extends JdcloudResult {
        public Secret secret;
    }

    public static final class DescribeSecretResponse extends JdcloudResponse<DescribeSecretResult> {
    }

    public static final class DescribeSecretsResult extends JdcloudResult {
        public List<Secret> secrets;
        public Integer totalCount;
    }

    public static final class DescribeSecretsResponse extends JdcloudResponse<DescribeSecretsResult> {
    }

    public static final class Quota {
        public String resourceType;
        public Integer limit;
        public Integer used;
    }

    public static final class DescribeQuotaResult extends JdcloudResult {
        public Quota quota;
    }

    public static final class DescribeQuotaResponse extends JdcloudResponse<DescribeQuotaResult> {
    }

    public static final class InstanceType {
        public String family;
        public String instanceType;
        public Integer cpu;
        public Integer memoryMB;
        public Integer nicLimit;
        public String desc;
        public List<Map<String, Object>> state;
        public List<String> cloudDiskTypes;
    }

    public static final class DescribeInstanceTypesResult extends JdcloudResult {
        public List<InstanceType> instanceTypes;
        public Integer totalCount;
    }

    public static final class DescribeInstanceTypesResponse extends JdcloudResponse<DescribeInstanceTypesResult> {
    }
}
