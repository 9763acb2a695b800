package io.podservice.command.secrets;

import io.podservice.api.web.ApiException;
import io.podservice.api.web.ApiResponse;
import io.podservice.api.web.ErrorStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * For node agents only: a secret's data key, so a worker can decrypt a registry password at pull
 * time. Authenticated by the node token ({@code pod.node-token}) every worker shares with the
 * command side; outside /v1, so no account signs it. Put it behind TLS (or the cluster's private
 * network) in a distributed deployment.
 */
@RestController
class InternalKeyController {

    static final String TOKEN_HEADER = "X-Pod-Node-Token";

    private final DataKeys dataKeys;
    private final byte[] nodeToken;

    InternalKeyController(DataKeys dataKeys, @Value("${pod.node-token:}") String nodeToken) {
        this.dataKeys = dataKeys;
        this.nodeToken = nodeToken.getBytes(StandardCharsets.UTF_8);
    }

    record DataKey(String keyId, String key) {
    }

    @GetMapping("/internal/data-keys/{keyId}")
    ApiResponse<DataKey> dataKey(@PathVariable String keyId,
                                 @RequestHeader(value = TOKEN_HEADER, required = false) String token) {
        if (nodeToken.length == 0 || token == null
                || !MessageDigest.isEqual(nodeToken, token.getBytes(StandardCharsets.UTF_8))) {
            throw new ApiException(ErrorStatus.UNAUTHENTICATED, "A node token is required");
        }
        byte[] key = dataKeys.unwrap(keyId).orElseThrow(() -> ApiException.notFound("Data key '" + keyId
                + "' does not exist (its secret was deleted)"));
        return ApiResponse.of(new DataKey(keyId, Base64.getEncoder().encodeToString(key)));
    }
}
