package io.podservice.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.jdcloud.sdk.service.JdcloudResponse;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.time.SystemTimeProvider;
import io.podservice.identity.Accounts;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rules JD Cloud's pod API states about the caller's account, set by an operator and enforced
 * through the API: creating pods needs real-name verification; an account on the elastic IP
 * blacklist binds no elastic IP; with operation protection on, deletePod (and deleteSecret,
 * disassociateElasticIp) needs a current MFA code, sent by JD Cloud's own Java SDK core in
 * {@code x-jdcloud-security-token} and computed here by another TOTP implementation than the
 * service's; refusals are in the audit trail.
 */
class AccountStandingTest extends ServiceTest {

    private static final String ACCOUNT = "standing";
    private static final String PODS = "/v1/regions/" + REGION + "/pods";

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Value("${local.server.port}")
    int port;

    private String accountId() {
        return accounts.ensureAccount(ACCOUNT);
    }

    @Test
    void anUnverifiedAccountCreatesNoPodsAndABlacklistedOneBindsNoElasticIp() {
        String accountId = accountId();
        ApiClient tenant = apiAs(ACCOUNT);
        // a tenant cannot set its own standing
        assertThat(tenant.post("/v1/accounts/" + accountId + ":setRealNameVerification", "{\"verified\": true}").status())
                .isEqualTo(403);
        assertThat(operator().post("/v1/accounts/no-such-account:setRealNameVerification", "{\"verified\": true}").status())
                .isEqualTo(404);

        ok(operator().post("/v1/accounts/" + accountId + ":setRealNameVerification", "{\"verified\": false}"));
        ApiClient.Response refused = tenant.post(PODS, "{\"podSpec\": " + spec("unverified") + "}");
        assertThat(refused.status()).as(refused.raw()).isEqualTo(403);
        assertThat(refused.body().path("error").path("status").asText()).isEqualTo("PERMISSION_DENIED");
        assertThat(refused.body().path("error").path("message").asText()).contains(accountId, "real-name verification");
        assertThat(operator().get("/v1/accounts/" + accountId).body().path("result").path("account")
                .path("realNameVerified").asBoolean(true)).isFalse();

        ok(operator().post("/v1/accounts/" + accountId + ":setRealNameVerification", "{\"verified\": true}"));
        ApiClient.Response made = tenant.post(PODS, "{\"podSpec\": " + spec("verified") + "}");
        assertThat(made.status()).as(made.raw()).isEqualTo(200);
        String podId = made.body().path("result").path("podIds").get(0).asText();

        // the blacklist: binding an elastic IP is refused, on its own or with createPods
        String subnet = subnet(tenant);
        String eip = tenant.post("/v1/regions/" + REGION + "/elasticIps", """
                {"maxCount": 1, "elasticIpSpec": {"bandwidthMbps": 10, "provider": "bgp"}}""").body()
                .path("result").path("elasticIpIds").get(0).asText();
        String inSubnet = created(tenant.post(PODS, "{\"podSpec\": " + subnetSpec("bound", subnet) + "}"));
        awaitPhase(tenant, inSubnet, "running");
        ok(operator().post("/v1/accounts/" + accountId + ":setElasticIpBlacklist", "{\"listed\": true}"));
        ApiClient.Response blocked = tenant.post(PODS + "/" + inSubnet + ":associateElasticIp",
                "{\"elasticIpId\": \"" + eip + "\"}");
        assertThat(blocked.status()).as(blocked.raw()).isEqualTo(403);
        assertThat(blocked.body().path("error").path("message").asText()).contains("elastic IP blacklist");
        ok(operator().post("/v1/accounts/" + accountId + ":setElasticIpBlacklist", "{\"listed\": false}"));
        ok(tenant.post(PODS + "/" + inSubnet + ":associateElasticIp", "{\"elasticIpId\": \"" + eip + "\"}"));

        for (String id : new String[] {podId, inSubnet}) {
            ok(tenant.delete(PODS + "/" + id));
        }
    }

    @Test
    void withOperationProtectionDeletePodNeedsACurrentMfaCodeSentByJdCloudsSdk() throws Exception {
        String accountId = accountId();
        ApiClient tenant = apiAs(ACCOUNT);
        String podId = created(tenant.post(PODS, "{\"podSpec\": " + spec("protected") + "}"));
        awaitPhase(tenant, podId, "running");

        // protection needs a device first
        ApiClient.Response early = operator().post("/v1/accounts/" + accountId + ":setOperationProtection",
                "{\"enabled\": true}");
        assertThat(early.status()).as(early.raw()).isEqualTo(400);
        assertThat(early.body().path("error").path("message").asText()).contains("enroll");
        String uri = ok(operator().post("/v1/accounts/" + accountId + ":enrollMfa", "{}")).path("otpauthUri").asText();
        assertThat(uri).startsWith("otpauth://totp/");
        String secret = query(uri).get("secret");
        ok(operator().post("/v1/accounts/" + accountId + ":setOperationProtection", "{\"enabled\": true}"));
        // the secret is nowhere in the event store, only its sealed form
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE convert_from(payload, 'UTF8') "
                + "LIKE ?", Integer.class, "%" + secret + "%")).isZero();

        JdcloudPodSdk sdk = new JdcloudPodSdk("127.0.0.1:" + port, scopedKey(ACCOUNT), "secret-" + scopedKey(ACCOUNT));
        String pod = "/regions/{regionId}/pods/{podId}";
        // no code: refused, and the pod stays
        JdcloudResponse<?> without = sdk.call("DELETE", pod, new JdcloudPodSdk.DeletePodRequest(podId, false),
                JdcloudPodSdk.EmptyResponse.class);
        assertThat(without.getError()).isNotNull();
        assertThat(without.getError().getCode()).isEqualTo(403);
        assertThat(without.getError().getMessage()).contains("x-jdcloud-security-token");
        // a wrong code: refused
        sdk.setCustomHeader("x-jdcloud-security-token", wrong(code(secret)));
        JdcloudResponse<?> wrong = sdk.call("DELETE", pod, new JdcloudPodSdk.DeletePodRequest(podId, false),
                JdcloudPodSdk.EmptyResponse.class);
        assertThat(wrong.getError()).isNotNull();
        assertThat(wrong.getError().getMessage()).contains("not a current code");
        assertThat(tenant.get(PODS + "/" + podId).body().path("result").path("pod").path("podStatus").path("phase")
                .asText()).isEqualTo("running");
        // the current code: deleted
        sdk.setCustomHeader("x-jdcloud-security-token", code(secret));
        JdcloudResponse<?> with = sdk.call("DELETE", pod, new JdcloudPodSdk.DeletePodRequest(podId, false),
                JdcloudPodSdk.EmptyResponse.class);
        assertThat(with.getError()).as("deletePod with the current code").isNull();
        await().atMost(Duration.ofSeconds(60)).until(() -> tenant.get(PODS + "/" + podId).status() == 404);
        // and the refusals are in the audit trail
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM audit_record WHERE resource_id = ? AND event_type = 'AccountMfaRefused'",
                Integer.class, accountId) >= 2);

        ok(operator().post("/v1/accounts/" + accountId + ":setOperationProtection", "{\"enabled\": false}"));
    }

    @Test
    void anOperatorCreatesAnAccountWhoseNewAccessKeySignsJdCloudsSdkRequests() {
        String name = "made-" + TestRun.ID;
        JsonNode account = readJson(operatorCli("create-account", "--name", name)).path("result");
        String accountId = account.path("accountId").asText();
        assertThat(account.path("name").asText()).isEqualTo(name);
        assertThat(operator().post("/v1/accounts", "{\"name\": \"" + name + "\"}").status()).isEqualTo(409);
        ApiClient.Response badName = operator().post("/v1/accounts", "{\"name\": \"Has Spaces\"}");
        assertThat(badName.status()).as(badName.raw()).isEqualTo(400);
        assertThat(badName.body().path("error").path("message").asText()).contains("name", "a-z");
        assertThat(apiAs(ACCOUNT).post("/v1/accounts", "{\"name\": \"mine\"}").status())
                .as("a tenant key creates no accounts").isEqualTo(403);

        JsonNode key = readJson(operatorCli("create-access-key", "--account-id", accountId)).path("result");
        String accessKeyId = key.path("accessKeyId").asText();
        String secretKey = key.path("secretAccessKey").asText();
        assertThat(key.path("accountId").asText()).isEqualTo(accountId);
        assertThat(secretKey).hasSizeGreaterThanOrEqualTo(32);

        // JD Cloud's Java SDK core signs with the new key: the new account sees its own, empty, list
        JdcloudPodSdk sdk = new JdcloudPodSdk("127.0.0.1:" + port, accessKeyId, secretKey);
        JdcloudPodSdk.DescribePodsResponse pods = sdk.call("GET", "/regions/{regionId}/pods",
                new JdcloudPodSdk.RegionRequest(), JdcloudPodSdk.DescribePodsResponse.class);
        assertThat(pods.getError()).as("describePods with the new key").isNull();
        assertThat(pods.getResult().totalCount).isZero();

        // both are events of the account (the secret in none of them) and in the audit trail
        assertThat(jdbc.queryForList("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "ORDER BY sequence_number", String.class, accountId)).containsExactly(
                "io.podservice.events.AccountCreated", "io.podservice.events.AccountAccessKeyCreated");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE convert_from(payload, 'UTF8') "
                + "LIKE ?", Integer.class, "%" + secretKey + "%")).isZero();
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForList(
                "SELECT operation FROM audit_record WHERE resource_id = ? ORDER BY aggregate_sequence", String.class,
                accountId).equals(java.util.List.of("createAccount", "createAccessKey")));
    }

    /** The current code by dev.samstevens.totp (SHA1, 6 digits, 30 s), not the service's implementation. */
    private static String code(String base32Secret) throws Exception {
        return new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6).generate(base32Secret,
                Math.floorDiv(new SystemTimeProvider().getTime(), 30));
    }

    private static String wrong(String code) {
        return String.format("%06d", (Integer.parseInt(code) + 500_000) % 1_000_000);
    }

    private static Map<String, String> query(String uri) {
        Map<String, String> values = new java.util.HashMap<>();
        for (String pair : URI.create(uri).getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            values.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        return values;
    }

    private String subnet(ApiClient tenant) {
        String vpc = tenant.post("/v1/regions/" + REGION + "/vpcs", """
                {"vpcName": "standing", "addressPrefix": "10.43.0.0/16"}""").body().path("result").path("vpcId").asText();
        return tenant.post("/v1/regions/" + REGION + "/subnets", """
                {"subnetName": "standing-1", "vpcId": "%s", "addressPrefix": "10.43.1.0/24"}""".formatted(vpc))
                .body().path("result").path("subnetId").asText();
    }

    private static String spec(String name) {
        return """
                {"name": "%s", "instanceType": "g.n2.medium", "terminationGracePeriodSeconds": 1,
                 "containers": [{"name": "app", "image": "%s", "command": ["sleep", "3600"]}]}""".formatted(name, IMAGE);
    }

    private static String subnetSpec(String name, String subnetId) {
        return """
                {"name": "%s", "instanceType": "g.n2.medium", "terminationGracePeriodSeconds": 1,
                 "primaryNetworkInterface": {"networkInterface": {"subnetId": "%s"}},
                 "containers": [{"name": "app", "image": "%s", "command": ["sleep", "3600"]}]}"""
                .formatted(name, subnetId, IMAGE);
    }

    private static String created(ApiClient.Response response) {
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.body().path("result").path("podIds").get(0).asText();
    }
}
