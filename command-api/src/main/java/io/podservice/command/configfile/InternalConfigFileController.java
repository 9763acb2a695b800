package io.podservice.command.configfile;

import io.podservice.api.node.NodeToken;
import io.podservice.api.web.ApiException;
import io.podservice.api.web.ApiResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * For node agents only: a config file's current content and version, which a node writes into the
 * volumes of the pods that mount it. Authenticated by the node token, outside /v1, like the data keys.
 */
@RestController
class InternalConfigFileController {

    private final ConfigFileIndex index;
    private final NodeToken nodeToken;

    InternalConfigFileController(ConfigFileIndex index, NodeToken nodeToken) {
        this.index = index;
        this.nodeToken = nodeToken;
    }

    @GetMapping("/internal/config-files/{accountId}/{regionId}/{name}")
    ApiResponse<ConfigFileIndex.Content> content(@PathVariable String accountId, @PathVariable String regionId,
                                                 @PathVariable String name,
                                                 @RequestHeader(value = NodeToken.HEADER, required = false) String token) {
        nodeToken.require(token);
        return ApiResponse.of(index.find(accountId, regionId, name).orElseThrow(() -> ApiException.notFound(
                "ConfigFile '" + name + "' of account '" + accountId + "' not found in " + regionId)));
    }
}
