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
import java.util.Base64;
import io.podservice.worker.runtime.PodTaskFailure;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Makes an image present on the node: nothing to do when Docker has it, otherwise a pull with
 * the node's credentials for that registry. A failed pull is an {@code ErrImagePull} naming the image.
 */
@Component
class ImagePuller {

    private static final Logger log = LoggerFactory.getLogger(ImagePuller.class);

    private final DockerClient docker;
    private final DockerClientConfig dockerConfig;
    private final WorkerProperties properties;
    private final DataKeyClient dataKeys;

    ImagePuller(DockerClient docker, DockerClientConfig dockerConfig, WorkerProperties properties, DataKeyClient dataKeys) {
        this.docker = docker;
        this.dockerConfig = dockerConfig;
        this.properties = properties;
        this.dataKeys = dataKeys;
    }

    void ensurePresent(String image) {
        ensurePresent(image, null, () -> { });
    }

    /**
     * Pulls the image unless Docker has it, with the secret's credentials when {@code auth} is
     * given (the password decrypted here, at pull time, and kept nowhere), else the node's.
     * {@code onPull} runs when a pull actually starts.
     */
    void ensurePresent(String image, ContainerDefinition.RegistryAuth auth, Runnable onPull) {
        ImageReference ref = ImageReference.parse(image);
        try {
            docker.inspectImageCmd(ref.fullName()).exec();
            return;
        } catch (NotFoundException absent) {
            log.info("pulling image {}", ref.fullName());
        }
        onPull.run();
        AuthConfig credentials = auth == null ? auth(ref) : secretAuth(image, auth);
        try {
            PullImageResultCallback callback = docker.pullImageCmd(ref.repository())
                    .withTag(ref.tag().startsWith("@") ? null : ref.tag())
                    .withAuthConfig(credentials)
                    .exec(new PullImageResultCallback());
            if (!callback.awaitCompletion(properties.getPullTimeoutSeconds(), TimeUnit.SECONDS)) {
                throw new PodTaskFailure("ErrImagePull", "Pulling image \"" + image + "\" took longer than "
                        + properties.getPullTimeoutSeconds() + "s", null);
            }
            docker.inspectImageCmd(ref.fullName()).exec();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PodTaskFailure("ErrImagePull", "Pulling image \"" + image + "\" was interrupted", e);
        } catch (PodTaskFailure e) {
            throw e;
        } catch (RuntimeException e) {
            throw new PodTaskFailure("ErrImagePull", "Failed to pull image \"" + image + "\": " + DockerErrors.message(e), e);
        }
    }

    private AuthConfig secretAuth(String image, ContainerDefinition.RegistryAuth auth) {
        byte[] key = dataKeys.fetch(auth.keyId()).orElseThrow(() -> new PodTaskFailure("ErrImagePull",
                "Failed to pull image \"" + image + "\": secret '" + auth.secretName() + "' was deleted", null));
        String password = new String(AesGcm.decrypt(key, Base64.getDecoder().decode(auth.passwordCiphertext()),
                "secret-password:" + auth.keyId()), StandardCharsets.UTF_8);
        return new AuthConfig().withRegistryAddress(auth.server()).withUsername(auth.username()).withPassword(password);
    }

    private AuthConfig auth(ImageReference ref) {
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
