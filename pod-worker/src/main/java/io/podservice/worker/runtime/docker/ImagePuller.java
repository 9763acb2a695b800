package io.podservice.worker.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.core.DockerClientConfig;
import io.podservice.api.crypto.AesGcm;
import io.podservice.events.ContainerDefinition;
import io.podservice.worker.WorkerProperties;
import io.podservice.worker.runtime.DataKeyClient;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Base64;
import io.podservice.worker.runtime.PodTaskFailure;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Makes an image present on the node for a pod. The infra image is the node's: present is enough,
 * else it is pulled with the node's credentials. A tenant's image is pulled with its pod's secret,
 * with the node's credentials only from a registry the operator shares, else anonymously; and an
 * image already on the node runs only after the registry has accepted these credentials for it
 * (a pull, which for a present image is a manifest check), a verdict kept briefly per credentials
 * and image, so one tenant's private image does not run for another without a right to it. A failed
 * pull is an {@code ErrImagePull} naming the image, in words of its own, never the registry's answer.
 */
@Component
class ImagePuller {

    private static final Logger log = LoggerFactory.getLogger(ImagePuller.class);

    private final DockerClient docker;
    private final DockerClientConfig dockerConfig;
    private final WorkerProperties properties;
    private final DataKeyClient dataKeys;
    private final RegistryPolicy registries;
    /** "credentials fingerprint | image id" to the instant the verdict expires. */
    private final Map<String, Instant> verified = new ConcurrentHashMap<>();

    ImagePuller(DockerClient docker, DockerClientConfig dockerConfig, WorkerProperties properties, DataKeyClient dataKeys,
                RegistryPolicy registries) {
        this.docker = docker;
        this.dockerConfig = dockerConfig;
        this.properties = properties;
        this.dataKeys = dataKeys;
        this.registries = registries;
    }

    /** The node's own image (the infra container's): present is enough, else a pull with the node's credentials. */
    void ensureNodeImage(String image) {
        ImageReference ref = ImageReference.parse(image);
        if (imageId(ref).isEmpty()) {
            pull(ref, image, nodeAuth(ref));
        }
    }

    /**
     * A tenant's image, pulled or verified with the credentials its pod may use: the secret's when
     * {@code auth} is given (decrypted here, at pull time, and kept nowhere), the node's for a shared
     * registry, none otherwise. {@code onPull} runs when the image has to be downloaded.
     */
    void ensureTenantImage(String image, ContainerDefinition.RegistryAuth auth, Runnable onPull) {
        ImageReference ref = ImageReference.parse(image);
        registries.requireReachable(ref, image);
        boolean shared = auth == null && registries.shared(ref.registry());
        AuthConfig credentials = auth != null ? secretAuth(image, auth) : shared ? nodeAuth(ref) : new AuthConfig();
        Optional<String> present = imageId(ref);
        if (present.isPresent() && (shared || fresh(credentials, present.get()))) {
            return;
        }
        if (present.isEmpty()) {
            log.info("pulling image {}", ref.fullName());
            onPull.run();
        }
        pull(ref, image, credentials);
        imageId(ref).ifPresent(id -> verified.put(fingerprint(credentials) + "|" + id,
                Instant.now().plus(properties.getImageAccessTtl())));
    }

    /**
     * An image cache's pull: always from the registry with the cache's credentials (the secret's, the
     * node's for a shared registry, none otherwise), even when the node has the image already, so a
     * cache is Ready only where those credentials can fetch it. Answers the image's size in bytes.
     */
    long pullForCache(String image, ContainerDefinition.RegistryAuth auth) {
        ImageReference ref = ImageReference.parse(image);
        registries.requireReachable(ref, image);
        boolean shared = auth == null && registries.shared(ref.registry());
        AuthConfig credentials = auth != null ? secretAuth(image, auth) : shared ? nodeAuth(ref) : new AuthConfig();
        log.info("pulling image {} for an image cache", ref.fullName());
        pull(ref, image, credentials);
        String id = imageId(ref).orElseThrow(() -> new PodTaskFailure("ErrImagePull", "Image \"" + image
                + "\" is not on the node after its pull", null));
        // not recorded as a verified access: a pod that names the image without the cache is checked as any other
        Long size = docker.inspectImageCmd(id).exec().getSize();
        return size == null ? 0 : size;
    }

    /**
     * The image of a container that names the account's image cache: the cache's pull proved the
     * account's access, so an image the node holds is used as it is, without asking the registry;
     * one the node lacks (a node that joined later, an image pruned since) is pulled as any tenant image.
     */
    void ensureCachedImage(String image, ContainerDefinition.RegistryAuth auth, Runnable onPull) {
        if (imageId(ImageReference.parse(image)).isPresent()) {
            return;
        }
        ensureTenantImage(image, auth, onPull);
    }

    private boolean fresh(AuthConfig credentials, String imageId) {
        Instant until = verified.get(fingerprint(credentials) + "|" + imageId);
        if (until != null && until.isAfter(Instant.now())) {
            return true;
        }
        verified.values().removeIf(expiry -> expiry.isBefore(Instant.now()));
        return false;
    }

    private static String fingerprint(AuthConfig credentials) {
        String material = credentials.getRegistryAddress() + "\n" + credentials.getUsername() + "\n"
                + credentials.getPassword();
        return HexFormat.of().formatHex(Arrays.copyOf(sha256(material), 16));
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<String> imageId(ImageReference ref) {
        try {
            return Optional.ofNullable(docker.inspectImageCmd(ref.fullName()).exec().getId());
        } catch (NotFoundException absent) {
            return Optional.empty();
        }
    }

    private void pull(ImageReference ref, String image, AuthConfig credentials) {
        try {
            Pull callback = docker.pullImageCmd(ref.repository())
                    .withTag(ref.tag().startsWith("@") ? null : ref.tag())
                    .withAuthConfig(credentials)
                    .exec(new Pull());
            if (!callback.awaitCompletion(properties.getPullTimeoutSeconds(), TimeUnit.SECONDS)) {
                throw new PodTaskFailure("ErrImagePull", "Pulling image \"" + image + "\" took longer than "
                        + properties.getPullTimeoutSeconds() + "s", null);
            }
            callback.throwIfFailed();
            docker.inspectImageCmd(ref.fullName()).exec();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PodTaskFailure("ErrImagePull", "Pulling image \"" + image + "\" was interrupted", e);
        } catch (PodTaskFailure e) {
            throw e;
        } catch (RuntimeException e) {
            log.info("pull of {} failed: {}", image, DockerErrors.message(e));
            throw new PodTaskFailure("ErrImagePull", "Failed to pull image \"" + image + "\": "
                    + PullFailures.describe(DockerErrors.message(e)), e);
        }
    }

    /**
     * Docker's pull callback, except that a failed pull is reported once, by {@link #pull} as the pod's
     * ErrImagePull, and not also as an ERROR with a stack trace in docker-java's log: a tenant naming an
     * image that does not exist is not the node's error.
     */
    private static final class Pull extends PullImageResultCallback {

        private volatile RuntimeException failure;

        @Override
        public void onError(Throwable error) {
            failure = error instanceof RuntimeException r ? r : new IllegalStateException(error.getMessage(), error);
            try {
                close();
            } catch (java.io.IOException e) {
                failure.addSuppressed(e);
            }
        }

        void throwIfFailed() {
            if (failure != null) {
                throw failure;
            }
        }
    }

    private AuthConfig secretAuth(String image, ContainerDefinition.RegistryAuth auth) {
        byte[] key = dataKeys.fetch(auth.keyId()).orElseThrow(() -> new PodTaskFailure("ErrImagePull",
                "Failed to pull image \"" + image + "\": secret '" + auth.secretName() + "' was deleted", null));
        String password = new String(AesGcm.decrypt(key, Base64.getDecoder().decode(auth.passwordCiphertext()),
                "secret-password:" + auth.keyId()), StandardCharsets.UTF_8);
        return new AuthConfig().withRegistryAddress(auth.server()).withUsername(auth.username()).withPassword(password);
    }

    private AuthConfig nodeAuth(ImageReference ref) {
        for (WorkerProperties.RegistryCredential credential : properties.getRegistryCredentials()) {
            if (credential.server().equals(ref.registry())) {
                return new AuthConfig()
                        .withRegistryAddress(credential.server())
                        .withUsername(credential.username())
                        .withPassword(credential.password());
            }
        }
        return dockerConfig.effectiveAuthConfig(ref.fullName());
    }
}
