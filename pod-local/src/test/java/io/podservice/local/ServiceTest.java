package io.podservice.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the integration tests: the whole service (the launcher) with its real embedded
 * PostgreSQL and Kafka and the real Docker daemon, one Spring context shared by every test class,
 * and the private registry fixture. Containers the run creates carry its label and are removed
 * at the end ({@link TestRunCleanup}).
 */
@ExtendWith(TestRunCleanup.class) // before @SpringBootTest: prepares the fixtures the context needs
@org.springframework.context.annotation.Import(TestClock.Configuration.class)
@SpringBootTest(classes = PodLocalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "pod.local.data-dir=target/it-data",
                "pod.local.kafka-port=0",
                "pod.local.kafka-controller-port=0",
                "management.server.port=0",
                "pod.worker.concurrency=2",
                "pod.worker.reconcile-interval=PT5S",
                // charges only when a test asks (PrepaidPodsTest), never on a schedule while a test moves the clock
                "pod.billing.charge-interval=P1D", "pod.billing.lifecycle-interval=P1D",
        })
@AutoConfigureObservability
abstract class ServiceTest {

    static final String REGION = "cn-north-1";
    static final String OTHER_ACCESS_KEY = "JDC_OTHER" + TestRun.ID.toUpperCase(java.util.Locale.ROOT);
    static final String OTHER_SECRET_KEY = "other-secret-" + java.util.UUID.randomUUID();
    static final java.util.List<String> SCOPED_ACCOUNTS = java.util.List.of("query", "quota", "secrets", "network", "faults", "subscribers", "nodes",
            "consistency", "multinode", "standing", "money", "arrears", "unpaid", "usage", "resize");

    static String scopedKey(String account) {
        return ("JDC_" + account + TestRun.ID).toUpperCase(java.util.Locale.ROOT);
    }
    static final PrivateRegistry REGISTRY;
    /** A registry the node has a login for but does not share with tenants: its images need a pod's secret. */
    static final PrivateRegistry NODE_LOGIN;
    static final String NODE_LOGIN_PASSWORD = "node-" + java.util.UUID.randomUUID();
    static final String NODE_LOGIN_IMAGE;
    /** The busybox image in the private registry, absent from the local daemon until a pod pulls it. */
    static final String IMAGE;

    static {
        // what runs killed before their clean-up left behind first, then this run is one of them
        TestRun.removeDeadRuns();
        TestRun.register();
        TestRun.prepareDataDir();
        REGISTRY = new PrivateRegistry();
        REGISTRY.start();
        IMAGE = REGISTRY.pushBusybox();
        NODE_LOGIN = new PrivateRegistry("node-login", NODE_LOGIN_PASSWORD);
        NODE_LOGIN.start();
        NODE_LOGIN_IMAGE = NODE_LOGIN.pushBusybox();
        System.setProperty("pod.worker.registry-credentials[1].server", NODE_LOGIN.address());
        System.setProperty("pod.worker.registry-credentials[1].username", "node-login");
        System.setProperty("pod.worker.registry-credentials[1].password", NODE_LOGIN_PASSWORD);
        System.setProperty("pod.worker.extra-labels." + TestRun.LABEL, TestRun.ID);
        System.setProperty("pod.worker.nat-chain", TestRun.NAT_CHAIN);
        System.setProperty("pod.worker.cgroup-root", TestRun.CGROUP_ROOT);
        System.setProperty("pod.worker.pod-pids-limit", "128");
        // the launcher's node has room for every pod of the run, in two of the region's zones: NodesTest
        // fills a small node of its own in the third
        System.setProperty("pod.worker.availability-zone", "cn-north-1a,cn-north-1b");
        System.setProperty("pod.worker.cpu-allocation-ratio", "1000");
        System.setProperty("pod.worker.memory-allocation-ratio", "1000");
        // nodes beat every second and are lost after 8 s of silence (NodesTest)
        System.setProperty("pod.worker.heartbeat-interval", "PT1S");
        System.setProperty("pod.nodes.lost-after", "PT8S");
        System.setProperty("pod.nodes.check-interval", "PT1S");
        System.setProperty("pod.worker.registry-credentials[0].server", REGISTRY.address());
        System.setProperty("pod.worker.registry-credentials[0].username", PrivateRegistry.USERNAME);
        System.setProperty("pod.worker.registry-credentials[0].password", PrivateRegistry.PASSWORD);
        // the run's registries are on loopback: allowed; the one with the node's login is shared with tenants
        System.setProperty("pod.worker.shared-registries[0]", REGISTRY.address());
        System.setProperty("pod.worker.allowed-private-registries[0]", "127.0.0.1");
        // a second account, made the documented way (configuration), to check isolation
        System.setProperty("pod.accounts[0].name", "other");
        System.setProperty("pod.accounts[0].access-keys[0].access-key-id", OTHER_ACCESS_KEY);
        System.setProperty("pod.accounts[0].access-keys[0].secret-access-key", OTHER_SECRET_KEY);
        // accounts of their own for the read-side (and network) tests, whose counts no other test disturbs
        for (int i = 0; i < SCOPED_ACCOUNTS.size(); i++) {
            String name = SCOPED_ACCOUNTS.get(i);
            System.setProperty("pod.accounts[" + (i + 1) + "].name", name);
            System.setProperty("pod.accounts[" + (i + 1) + "].access-keys[0].access-key-id", scopedKey(name));
            System.setProperty("pod.accounts[" + (i + 1) + "].access-keys[0].secret-access-key", "secret-" + scopedKey(name));
        }
        // 1 GB disks for the disk tests (JD Cloud's smallest is 20 GB, in steps of 10)
        System.setProperty("pod.disk.min-size-gb", "1");
        System.setProperty("pod.disk.size-step-gb", "1");
        // a storage class: hdd.std1 disks in a directory of their own
        System.setProperty("pod.worker.disk-directories[hdd.std1]", TestRun.DATA_DIR.resolve("hdd-disks").toString());
        System.setProperty("pod.quota.accounts.quota.pod", "10");
        System.setProperty("pod.quota.accounts.quota.podTemplate", "2");
        System.setProperty("pod.quota.accounts.multinode.pod", "60");
        for (String type : java.util.List.of("pod", "secret", "vpc", "subnet", "securityGroup", "elasticIp")) {
            System.setProperty("pod.quota.accounts.consistency." + type, "60");
        }
    }


    static final ObjectMapper JSON = new ObjectMapper();

    /** Runs the static initializer (once), before any Spring context of the run starts. */
    static void ensureFixtures() {
        if (IMAGE == null) {
            throw new IllegalStateException("the test image was not pushed");
        }
    }

    int port;

    /** The service's port; the external workers of the tests answer its node-only endpoints there. */
    @LocalServerPort
    void port(int serverPort) {
        this.port = serverPort;
        ExternalWorker.commandSide = "http://127.0.0.1:" + serverPort;
    }

    @Autowired
    DockerClient docker;

    /** The API as the account {@code default}, whose keys the launcher wrote to its credentials file. */
    ApiClient api() {
        Map<String, String> profile = credentials();
        return new ApiClient(endpoint(), profile.get("access_key"), profile.get("secret_key"));
    }

    /** The API as the account {@code other}. */
    ApiClient otherApi() {
        return new ApiClient(endpoint(), OTHER_ACCESS_KEY, OTHER_SECRET_KEY);
    }

    /** The API as one of {@link #SCOPED_ACCOUNTS}. */
    ApiClient apiAs(String account) {
        return new ApiClient(endpoint(), scopedKey(account), "secret-" + scopedKey(account));
    }

    /** The launcher's operator account (pod.operators), for the operator API. */
    /** What {@code command} printed (stdout and stderr) in the container, run with docker exec. */
    String run(String container, String... command) throws InterruptedException {
        String exec = docker.execCreateCmd(container).withCmd(command).withAttachStdout(true).withAttachStderr(true)
                .exec().getId();
        StringBuilder out = new StringBuilder();
        docker.execStartCmd(exec).exec(new com.github.dockerjava.api.async.ResultCallback.Adapter<
                com.github.dockerjava.api.model.Frame>() {
            @Override
            public void onNext(com.github.dockerjava.api.model.Frame frame) {
                out.append(new String(frame.getPayload(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }).awaitCompletion(20, java.util.concurrent.TimeUnit.SECONDS);
        return out.toString();
    }

    /** The pod CLI with the launcher's operator profile; what it printed, once it exited 0. */
    String operatorCli(String... args) {
        java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of("--config",
                TestRun.DATA_DIR.resolve("operator-credentials").toString(), "--endpoint", endpoint()));
        all.addAll(java.util.List.of(args));
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int status = io.podservice.cli.PodCli.run(all.toArray(String[]::new), new java.io.PrintWriter(out, true),
                new java.io.PrintWriter(err, true));
        assertThat(status).as("pod %s: %s %s", String.join(" ", args), out, err).isZero();
        return out.toString();
    }

    static JsonNode readJson(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    ApiClient operator() {
        Map<String, String> profile = credentials(TestRun.DATA_DIR.resolve("operator-credentials"));
        return new ApiClient(endpoint(), profile.get("access_key"), profile.get("secret_key"));
    }

    String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    static java.nio.file.Path credentialsFile() {
        return TestRun.DATA_DIR.resolve("credentials");
    }

    static Map<String, String> credentials() {
        return credentials(credentialsFile());
    }

    /** A credentials file the launcher wrote, as its keys and values. */
    static Map<String, String> credentials(java.nio.file.Path file) {
        try {
            Map<String, String> values = new java.util.HashMap<>();
            for (String line : java.nio.file.Files.readAllLines(file)) {
                int eq = line.indexOf('=');
                if (eq > 0 && !line.startsWith("#")) {
                    values.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
                }
            }
            return values;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the launcher did not write " + file, e);
        }
    }

    /** Polls describePod until the pod's phase is one of {@code phases}; returns the pod. */
    JsonNode awaitPhase(String podId, String... phases) {
        return awaitPhase(api(), podId, phases);
    }

    /** The pod as {@code client}'s account sees it, once it is in one of {@code phases}. */
    JsonNode awaitPhase(ApiClient client, String podId, String... phases) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> {
            ApiClient.Response response = client.get("/v1/regions/" + REGION + "/pods/" + podId);
            last[0] = response.body().path("result").path("pod");
            String phase = last[0].path("podStatus").path("phase").asText();
            return java.util.Arrays.asList(phases).contains(phase);
        });
        return last[0];
    }

    String createPod(String podSpecJson) {
        ApiClient.Response response = api().post("/v1/regions/" + REGION + "/pods", "{\"podSpec\":" + podSpecJson + "}");
        if (response.status() != 200) {
            throw new AssertionError("createPods answered " + response.status() + ": " + response.body());
        }
        return response.body().path("result").path("podIds").get(0).asText();
    }

    /** The result of a call that must succeed (200), or a failure showing the whole answer. */
    static JsonNode ok(ApiClient.Response response) {
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.body().path("result");
    }

    /** A call that must fail with {@code status}, its error message holding {@code inMessage}. */
    static void expect(ApiClient.Response response, int status, String inMessage) {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.body().path("error").path("message").asText()).contains(inMessage);
    }

    /** A value of the pod's own cgroup (cgroup v1, as the test machines have): {@code controller}/{@code file}. */
    static long podCgroup(String controller, String podId, String file) throws java.io.IOException {
        return Long.parseLong(java.nio.file.Files.readString(java.nio.file.Path.of("/sys/fs/cgroup", controller,
                TestRun.CGROUP_ROOT, podId, file)).trim());
    }

    /** {@code text} in Base64, as JD Cloud's API takes secrets' and config files' values. */
    static String b64(String text) {
        return java.util.Base64.getEncoder().encodeToString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
