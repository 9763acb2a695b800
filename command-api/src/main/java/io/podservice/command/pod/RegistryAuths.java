package io.podservice.command.pod;

import io.podservice.api.web.ApiException;
import io.podservice.command.secret.SecretIndex;
import io.podservice.events.ContainerDefinition;
import io.podservice.events.PodDefinition;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** Gives containers that name a secret that secret's registry credentials (the password still encrypted). */
@Component
class RegistryAuths {

    private final SecretIndex secrets;

    RegistryAuths(SecretIndex secrets) {
        this.secrets = secrets;
    }

    /** The definition with each container's secret resolved; {@code path} names the containers in errors. */
    PodDefinition resolve(PodDefinition definition, String accountId, String regionId, String path) {
        List<ContainerDefinition> containers = new ArrayList<>();
        for (int i = 0; i < definition.containers().size(); i++) {
            ContainerDefinition container = definition.containers().get(i);
            containers.add(container.secret() == null ? container : container.withRegistryAuth(
                    of(accountId, regionId, container.secret(), path + "[" + i + "].secret")));
        }
        return definition.withContainers(containers);
    }

    /** The named secret's registry credentials, or NOT_FOUND naming the field. */
    ContainerDefinition.RegistryAuth of(String accountId, String regionId, String secret, String field) {
        return secrets.registryAuth(accountId, regionId, secret).orElseThrow(() -> ApiException.notFound(
                "Invalid " + field + ": secret '" + secret + "' not found in " + regionId));
    }
}
