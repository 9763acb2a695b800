package io.podservice.command.secret;

import io.podservice.api.crypto.AesGcm;
import io.podservice.api.web.ApiException;
import io.podservice.api.web.ApiFailures;
import io.podservice.api.web.ErrorStatus;
import io.podservice.command.infrastructure.CommandSender;
import io.podservice.command.quota.Quotas;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registry secrets: a name unique per account and region, within the quota; the password encrypted
 * here, under a new data key of the secret's own, before anything is recorded, so only that
 * ciphertext reaches the events and Kafka; deleting a secret destroys its data key.
 */
@Service
public class Secrets {

    private final CommandSender commands;
    private final DataKeys dataKeys;
    private final SecretIndex index;
    private final Quotas quotas;
    private final io.podservice.command.account.OperationProtection protection;

    Secrets(CommandSender commands, DataKeys dataKeys, SecretIndex index, Quotas quotas,
            io.podservice.command.account.OperationProtection protection) {
        this.protection = protection;
        this.commands = commands;
        this.dataKeys = dataKeys;
        this.index = index;
        this.quotas = quotas;
    }

    @Transactional
    public void create(String accountId, String regionId, String name, RegistryData data) {
        if (index.idOf(accountId, regionId, name).isPresent()) {
            throw alreadyExists(name, regionId);
        }
        quotas.requireSecretRoom(accountId, regionId);
        String secretId = "secret-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        DataKeys.NewKey key = dataKeys.create();
        String ciphertext = Base64.getEncoder().encodeToString(AesGcm.encrypt(key.key(),
                data.password().getBytes(StandardCharsets.UTF_8), "secret-password:" + key.keyId()));
        try {
            commands.send(new SecretCommands.CreateSecret(secretId, accountId, regionId, name, data.server(),
                    data.username(), data.email(), key.keyId(), ciphertext, Instant.now()), "Secret", name);
        } catch (RuntimeException e) {
            // the name was taken meanwhile (the index's unique key)
            if (ApiFailures.causeOf(e, DuplicateKeyException.class).isPresent()) {
                throw alreadyExists(name, regionId);
            }
            throw e;
        }
    }

    @Transactional
    public void delete(String accountId, String regionId, String name, String securityToken) {
        String secretId = index.idOf(accountId, regionId, name)
                .orElseThrow(() -> ApiException.notFound("Secret '" + name + "' not found in " + regionId));
        protection.require(accountId, "deleteSecret", secretId, securityToken);
        commands.send(new SecretCommands.DeleteSecret(secretId, accountId), "Secret", name);
    }

    private static ApiException alreadyExists(String name, String regionId) {
        return new ApiException(ErrorStatus.ALREADY_EXISTS, "Secret '" + name + "' already exists in " + regionId);
    }
}
