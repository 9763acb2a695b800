package io.podservice.command.consistency;

import io.podservice.api.consistency.WritePositions;
import io.podservice.api.node.NodeToken;
import io.podservice.api.web.ApiResponse;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * For the query side of a distributed deployment: an account's recent write positions, so a
 * query-api instance can wait for its read models to reach them. Node token only, outside /v1.
 */
@RestController
class InternalWritePositionsController {

    private final WrittenPositions positions;
    private final NodeToken nodeToken;

    InternalWritePositionsController(WrittenPositions positions, NodeToken nodeToken) {
        this.positions = positions;
        this.nodeToken = nodeToken;
    }

    record Positions(List<WritePositions.Position> positions) {
    }

    @GetMapping("/internal/accounts/{accountId}/write-positions")
    ApiResponse<Positions> positions(@PathVariable String accountId,
                                     @RequestHeader(value = NodeToken.HEADER, required = false) String token) {
        nodeToken.require(token);
        return ApiResponse.of(new Positions(positions.recent(accountId)));
    }
}
