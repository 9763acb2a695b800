package io.podservice.command.secret;

import io.podservice.api.catalog.RegionCatalog;
import io.podservice.api.web.ApiResponse;
import io.podservice.identity.Caller;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** createSecret and deleteSecret: the request's rules, then {@link Secrets}. */
@RestController
public class SecretCommandController {

    static final String SUBDOMAIN = "^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";

    private final RegionCatalog regions;
    private final Secrets secrets;

    SecretCommandController(RegionCatalog regions, Secrets secrets) {
        this.regions = regions;
        this.secrets = secrets;
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
    public ApiResponse<CreateSecretResult> createSecret(@PathVariable String regionId,
                                                        @Valid @RequestBody CreateSecretRequest request) {
        regions.require(regionId);
        secrets.create(Caller.current().accountId(), regionId, request.name(), RegistryData.fromBase64(request.data()));
        return ApiResponse.of(new CreateSecretResult(request.name()));
    }

    @Operation(operationId = "deleteSecret", summary = "Delete a secret and destroy its data key")
    @DeleteMapping("/v1/regions/{regionId}/secrets/{name}")
    public ApiResponse<Void> deleteSecret(@PathVariable String regionId, @PathVariable String name,
                                          @org.springframework.web.bind.annotation.RequestHeader(value = io.podservice.identity.SignatureVerifier.SECURITY_TOKEN_HEADER, required = false) String securityToken) {
        regions.require(regionId);
        secrets.delete(Caller.current().accountId(), regionId, name, securityToken);
        return ApiResponse.empty();
    }
}
