package io.podservice.local;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.PushResponseItem;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;

/**
 * A private registry with htpasswd auth, run by Testcontainers from the locally made
 * {@code pod-service/registry:1} (Debian's docker-registry; see scripts/setup.sh), holding the
 * test image. Nothing comes from a public registry.
 */
final class PrivateRegistry {

    static final String USERNAME = "it-user";
    static final String PASSWORD = "it-" + UUID.randomUUID();
    private static final String SOURCE_IMAGE = "pod-service/busybox:1";

    private final GenericContainer<?> container;
    private final String username;
    private final String password;

    /** The registry whose credentials the worker has as node credentials. */
    PrivateRegistry() {
        this(USERNAME, PASSWORD);
    }

    /** A registry of its own credentials, which only a secret can give the worker. */
    @SuppressWarnings("resource")
    PrivateRegistry(String username, String password) {
        this.username = username;
        this.password = password;
        container = new GenericContainer<>(DockerImageName.parse("pod-service/registry:1"))
                .withLabels(TestRun.labels())
                .withExposedPorts(5000)
                .withCopyToContainer(Transferable.of(htpasswd(username, password)), "/auth/htpasswd")
                .waitingFor(Wait.forHttp("/v2/").forStatusCode(401));
    }

    void start() {
        container.start();
    }

    /** {@code 127.0.0.1:<port>}: Docker treats loopback registries as insecure, so plain HTTP works. */
    int port() {
        return container.getMappedPort(5000);
    }

    String address() {
        return "127.0.0.1:" + container.getMappedPort(5000);
    }

    /**
     * Pushes the local busybox image as {@code <address>/it/busybox:<run>} and removes the local tag
     * again, so a pod using it makes the worker pull it with credentials.
     */
    String pushBusybox() {
        DockerClient docker = DockerClientFactory.lazyClient();
        String repository = address() + "/it/busybox";
        docker.tagImageCmd(SOURCE_IMAGE, repository, TestRun.ID).exec();
        try {
            docker.pushImageCmd(repository).withTag(TestRun.ID).withAuthConfig(auth())
                    .exec(new ResultCallback.Adapter<PushResponseItem>() {
                        @Override
                        public void onNext(PushResponseItem item) {
                            if (item.isErrorIndicated()) {
                                onError(new IllegalStateException("push failed: " + item.getErrorDetail().getMessage()));
                            }
                        }
                    })
                    .awaitCompletion(120, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            docker.removeImageCmd(repository + ":" + TestRun.ID).withNoPrune(true).exec();
        }
        return repository + ":" + TestRun.ID;
    }

    /** What the registry logged so far (its access log among it: one line per request it served). */
    String logs() {
        return container.getLogs();
    }

    AuthConfig auth() {
        return new AuthConfig().withRegistryAddress(address()).withUsername(username).withPassword(password);
    }

    void stop() {
        container.stop();
    }

    /** A bcrypt htpasswd line, as docker-registry requires, made by Debian's htpasswd (apache2-utils). */
    private static String htpasswd(String user, String password) {
        try {
            Process process = new ProcessBuilder("htpasswd", "-Bbn", user, password).redirectErrorStream(true).start();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            process.getInputStream().transferTo(out);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("htpasswd failed: " + out.toString(StandardCharsets.UTF_8));
            }
            return out.toString(StandardCharsets.UTF_8).strip() + "\n";
        } catch (java.io.IOException e) {
            throw new IllegalStateException("htpasswd (apache2-utils) is needed; scripts/setup.sh installs it", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
