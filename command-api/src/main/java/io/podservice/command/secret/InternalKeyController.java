package io.podservice.command.secret;

import io.podservice.api.node.NodeToken;
import io.podservice.api.web.ApiException;
import io.podservice.api.web.ApiResponse;
import java.util.Base64;
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

    private final DataKeys dataKeys;
    private final NodeToken nodeToken;

    InternalKeyController(DataKeys dataKeys, NodeToken nodeToken) {
        this.dataKeys = dataKeys;
        this.nodeToken = nodeToken;
    }

    record DataKey(String keyId, String key) {
    }

    @GetMapping("/internal/data-keys/{keyId}")
    ApiResponse<DataKey> dataKey(@PathVariable String keyId,
                                 @RequestHeader(value = NodeToken.HEADER, required = false) String token) {
        nodeToken.require(token);
        byte[] key = dataKeys.unwrap(keyId).orElseThrow(() -> ApiException.notFound("Data key '" + keyId
                + "' does not exist (its secret was deleted)"));
        return ApiResponse.of(new DataKey(keyId, Base64.getEncoder().encodeToString(key)));
    }
}
