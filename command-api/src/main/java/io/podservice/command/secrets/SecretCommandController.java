package io.podservice.command.secrets;

import io.podservice.api.catalog.RegionCatalog;
import io.podservice.api.crypto.AesGcm;
import io.podservice.api.web.ApiException;
import io.podservice.api.web.ApiResponse;
import io.podservice.api.web.ErrorStatus;
import io.podservice.api.web.ApiFailures;
import io.podservice.command.rest.CommandSender;
import io.podservice.command.quota.Quotas;
import io.podservice.identity.Caller;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * createSecret and deleteSecret. The password is encrypted here, under a new data key of the
 * secret's own, before anything is recorded; only that ciphertext reaches the events and Kafka.
 */
@RestController
public class SecretCommandController {

    static final String SUBDOMAIN = "^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";
    static final String SERVER = "^(?=.{1,253}(:\\d{1,5})?$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*(:\\d{1,5})?$";

    private final CommandSender commands;
    private final RegionCatalog regions;
    private final DataKeys dataKeys;
    private final SecretIndex index;
    private final Quotas quotas;

    SecretCommandController(CommandSender commands, RegionCatalog regions, DataKeys dataKeys, SecretIndex index,
                            Quotas quotas) {
        this.commands = commands;
        this.regions = regions;
        this.dataKeys = dataKeys;
        this.index = index;
        this.quotas = quotas;
    }

    public record CreateSecretRequest(
            @NotBlank(message = "is required")
            @Pattern(regexp = SUBDOMAIN, message = "must be a DNS-1123 subdomain: DNS-1123 labels joined by '.', 253 characters in all")
            String name,
            @NotBlank(message = "is required")
            @Pattern(regexp = "docker-registry", message = "must be docker-registry") String secretType,
            @NotNull(message = "is required") java.util.Map<String, String> data) {
    }

    record CreateSecretResult(String secretName) {
    }

    @Operation(operationId = "createSecret", summary = "Create a docker-registry secret")
    @PostMapping("/v1/regions/{regionId}/secrets")
    @Transactional
    public ApiResponse<CreateSecretResult> createSecret(@PathVariable String regionId,
                                                        @Valid @RequestBody CreateSecretRequest request) {
        regions.require(regionId);
        RegistryData data = RegistryData.fromBase64(request.data());
        Caller caller = Caller.current();
        if (index.idOf(caller.accountId(), regionId, request.name()).isPresent()) {
            throw new ApiException(ErrorStatus.ALREADY_EXISTS, "Secret '" + request.name() + "' already exists in " + regionId);
        }
        quotas.requireSecretRoom(caller.accountId(), regionId);
        String secretId = "secret-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        DataKeys.NewKey key = dataKeys.create();
        String ciphertext = Base64.getEncoder().encodeToString(AesGcm.encrypt(key.key(),
                data.password().getBytes(StandardCharsets.UTF_8), "secret-password:" + key.keyId()));
        try {
            commands.send(new SecretCommands.CreateSecret(secretId, caller.accountId(), regionId, request.name(),
                    data.server(), data.username(), data.email(), key.keyId(), ciphertext,
                    Instant.now()), "Secret", request.name());
        } catch (RuntimeException e) {
            if (ApiFailures.causeOf(e, DuplicateKeyException.class).isPresent()) {
                throw new ApiException(ErrorStatus.ALREADY_EXISTS, "Secret '" + request.name() + "' already exists in "
                        + regionId);
            }
            throw e;
        }
        return ApiResponse.of(new CreateSecretResult(request.name()));
    }

    @Operation(operationId = "deleteSecret", summary = "Delete a secret and destroy its data key")
    @DeleteMapping("/v1/regions/{regionId}/secrets/{name}")
    @Transactional
    public ApiResponse<Void> deleteSecret(@PathVariable String regionId, @PathVariable String name) {
        regions.require(regionId);
        Caller caller = Caller.current();
        String secretId = index.idOf(caller.accountId(), regionId, name)
                .orElseThrow(() -> ApiException.notFound("Secret '" + name + "' not found in " + regionId));
        commands.send(new SecretCommands.DeleteSecret(secretId, caller.accountId()), "Secret", name);
        return ApiResponse.empty();
    }
}
