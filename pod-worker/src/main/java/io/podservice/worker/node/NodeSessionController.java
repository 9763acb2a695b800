package io.podservice.worker.node;

import io.podservice.api.node.ContainerSessions;
import io.podservice.api.node.NodeToken;
import io.podservice.api.web.ApiException;
import io.podservice.api.web.ApiResponse;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Supplier;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The node's side of exec, resizeTTY and logs. The public API (query-api) has already checked the
 * caller's account and the pod's phase; here only the node token is checked. An unknown exec
 * answers NOT_FOUND, which the query side passes on as it is.
 */
@RestController
class NodeSessionController {

    private final ContainerSessions sessions;
    private final NodeToken token;

    NodeSessionController(ContainerSessions sessions, NodeToken token) {
        this.sessions = sessions;
        this.token = token;
    }

    record ExecRequest(List<String> command, boolean tty) {
    }

    record ExecCreated(String execId) {
    }

    record ExecState(Integer exitCode) {
    }

    record Resize(String execId, int height, int width) {
    }

    record Logs(String content) {
    }

    @PostMapping(NodePaths.CONTAINER + "/execs")
    ApiResponse<ExecCreated> execCreate(@RequestHeader(value = NodeToken.HEADER, required = false) String presented,
                                        @PathVariable String podId, @PathVariable String containerName,
                                        @RequestBody ExecRequest request) {
        token.require(presented);
        return ApiResponse.of(new ExecCreated(sessions.execCreate(podId, containerName, request.command(), request.tty())));
    }

    @GetMapping(NodePaths.CONTAINER + "/execs/{execId}")
    ApiResponse<ExecState> exec(@RequestHeader(value = NodeToken.HEADER, required = false) String presented,
                                @PathVariable String podId, @PathVariable String containerName,
                                @PathVariable String execId) {
        token.require(presented);
        OptionalInt code = known(() -> sessions.execExitCode(podId, containerName, execId));
        return ApiResponse.of(new ExecState(code.isPresent() ? code.getAsInt() : null));
    }

    @PostMapping(NodePaths.CONTAINER + "/resize")
    ApiResponse<Void> resize(@RequestHeader(value = NodeToken.HEADER, required = false) String presented,
                             @PathVariable String podId, @PathVariable String containerName,
                             @RequestBody Resize request) {
        token.require(presented);
        known(() -> {
            sessions.resize(podId, containerName, request.execId(), request.height(), request.width());
            return null;
        });
        return ApiResponse.empty();
    }

    @GetMapping(NodePaths.CONTAINER + "/logs")
    ApiResponse<Logs> logs(@RequestHeader(value = NodeToken.HEADER, required = false) String presented,
                           @PathVariable String podId, @PathVariable String containerName,
                           @RequestParam(required = false) Integer tailLines,
                           @RequestParam(required = false) Integer sinceSeconds,
                           @RequestParam(required = false) Integer limitBytes,
                           @RequestParam(required = false) Instant startTime,
                           @RequestParam(required = false) Instant endTime) {
        token.require(presented);
        return ApiResponse.of(new Logs(sessions.logs(podId, containerName,
                new ContainerSessions.LogQuery(tailLines, sinceSeconds, limitBytes, startTime, endTime))));
    }

    private static <T> T known(Supplier<T> action) {
        try {
            return action.get();
        } catch (ContainerSessions.NoSuchSession e) {
            throw ApiException.notFound(e.getMessage());
        }
    }
}
