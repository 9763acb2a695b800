package io.podservice.gateway;

import io.podservice.api.web.ApiException;
import io.podservice.api.web.ApiResponse;
import io.podservice.api.node.ContainerSessions;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * execCreate, execGetExitCode, resizeTTY and getContainerLogs (execStart and attach are WebSockets),
 * checked against the caller and the pod's phase, then served by the node that runs the pod.
 */
@RestController
class InteractiveController {

    private static final String CONTAINER = "/v1/regions/{regionId}/pods/{podId}/containers/{containerName}";

    private final PodAccess access;
    private final NodeRouter nodes;

    InteractiveController(PodAccess access, NodeRouter nodes) {
        this.access = access;
        this.nodes = nodes;
    }

    record ExecCreateRequest(@NotEmpty(message = "must name the command to run") List<String> command, Boolean tty) {
    }

    record ExecCreateResult(String execId) {
    }

    @Operation(operationId = "execCreate", summary = "Prepare a command to run in a container; start it with execStart")
    @PostMapping(CONTAINER + ":execCreate")
    ApiResponse<ExecCreateResult> execCreate(@PathVariable String regionId, @PathVariable String podId,
                                             @PathVariable String containerName,
                                             @Valid @RequestBody ExecCreateRequest request) {
        ContainerSessions sessions = nodes.sessionsFor(access.container(regionId, podId, containerName, true));
        return ApiResponse.of(new ExecCreateResult(inSession(() -> sessions.execCreate(podId, containerName,
                request.command(), Boolean.TRUE.equals(request.tty())))));
    }

    record ExecExitCode(int execCode) {
    }

    @Operation(operationId = "execGetExitCode", summary = "The exit code of an exec that has ended")
    @GetMapping(CONTAINER + ":execGetExitCode")
    ApiResponse<ExecExitCode> execGetExitCode(@PathVariable String regionId, @PathVariable String podId,
                                              @PathVariable String containerName, @RequestParam String execId) {
        ContainerSessions sessions = nodes.sessionsFor(access.container(regionId, podId, containerName, false));
        OptionalInt code = inSession(() -> sessions.execExitCode(podId, containerName, execId));
        if (code.isEmpty()) {
            throw ApiException.failedPrecondition("exec '" + execId + "' is still running (or was never started); "
                    + "its exit code comes when it ends");
        }
        return ApiResponse.of(new ExecExitCode(code.getAsInt()));
    }

    record ResizeRequest(@NotNull(message = "is required") @Min(value = 1, message = "must be between 1 and 10000")
                         @Max(value = 10000, message = "must be between 1 and 10000") Integer height,
                         @NotNull(message = "is required") @Min(value = 1, message = "must be between 1 and 10000")
                         @Max(value = 10000, message = "must be between 1 and 10000") Integer width,
                         String execId) {
    }

    @Operation(operationId = "resizeTTY", summary = "Resize the TTY of an exec, or (without execId) of the attach session")
    @PostMapping(CONTAINER + ":resizeTTY")
    ApiResponse<Void> resizeTTY(@PathVariable String regionId, @PathVariable String podId,
                                @PathVariable String containerName, @Valid @RequestBody ResizeRequest request) {
        ContainerSessions sessions = nodes.sessionsFor(access.container(regionId, podId, containerName, true));
        inSession(() -> {
            sessions.resize(podId, containerName, request.execId(), request.height(), request.width());
            return null;
        });
        return ApiResponse.empty();
    }

    record Logs(String content) {
    }

    record LogsResult(Logs logs) {
    }

    @Operation(operationId = "getContainerLogs", summary = "A container's log, earlier runs included")
    @GetMapping(CONTAINER + ":getContainerLogs")
    ApiResponse<LogsResult> getContainerLogs(@PathVariable String regionId, @PathVariable String podId,
                                             @PathVariable String containerName,
                                             @RequestParam(required = false) Integer tailLines,
                                             @RequestParam(required = false) Integer sinceSeconds,
                                             @RequestParam(required = false) Integer limitBytes,
                                             @RequestParam(required = false) Instant startTime,
                                             @RequestParam(required = false) Instant endTime) {
        positive("tailLines", tailLines);
        positive("sinceSeconds", sinceSeconds);
        positive("limitBytes", limitBytes);
        ContainerSessions sessions = nodes.sessionsFor(access.container(regionId, podId, containerName, false));
        return ApiResponse.of(new LogsResult(new Logs(inSession(() -> sessions.logs(podId, containerName,
                new ContainerSessions.LogQuery(tailLines, sinceSeconds, limitBytes, startTime, endTime))))));
    }

    private static void positive(String name, Integer value) {
        if (value != null && value < 0) {
            throw ApiException.invalidArgument("Invalid " + name + ": must not be negative, got " + value);
        }
    }

    private static <T> T inSession(java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (ContainerSessions.NoSuchSession e) {
            throw ApiException.notFound(e.getMessage());
        }
    }
}
