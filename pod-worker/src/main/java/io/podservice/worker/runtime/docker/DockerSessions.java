package io.podservice.worker.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectExecResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.InternalServerErrorException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import io.podservice.api.node.ContainerSessions;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/** {@link ContainerSessions} on the local Docker daemon. */
@Component
public class DockerSessions implements ContainerSessions {

    private final DockerClient docker;
    private final DockerClientConfig config;

    DockerSessions(DockerClient docker, DockerClientConfig config) {
        this.docker = docker;
        this.config = config;
    }

    @Override
    public String logs(String podId, String container, LogQuery query) {
        var cmd = docker.logContainerCmd(PodContainers.containerName(podId, container))
                .withStdOut(true).withStdErr(true).withTimestamps(query.startTime() != null || query.endTime() != null);
        if (query.tailLines() != null) {
            cmd.withTail(query.tailLines());
        }
        if (query.sinceSeconds() != null) {
            cmd.withSince((int) Instant.now().minusSeconds(query.sinceSeconds()).getEpochSecond());
        } else if (query.startTime() != null) {
            cmd.withSince((int) query.startTime().getEpochSecond());
        }
        StringBuilder out = new StringBuilder();
        try {
            cmd.exec(new ResultCallback.Adapter<Frame>() {
                @Override
                public void onNext(Frame frame) {
                    out.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                }
            }).awaitCompletion(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String content = query.startTime() != null || query.endTime() != null ? withinTimes(out.toString(), query)
                : out.toString();
        if (query.limitBytes() != null) {
            byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
            if (bytes.length > query.limitBytes()) {
                content = new String(bytes, 0, query.limitBytes(), StandardCharsets.UTF_8);
            }
        }
        return content;
    }

    /** Keeps the lines whose Docker timestamp is within [startTime, endTime] and drops the timestamps. */
    private static String withinTimes(String timestamped, LogQuery query) {
        StringBuilder kept = new StringBuilder();
        for (String line : timestamped.split("(?<=\n)")) {
            int space = line.indexOf(' ');
            if (space < 0) {
                continue;
            }
            Instant at = Instant.parse(line.substring(0, space));
            if ((query.startTime() == null || !at.isBefore(query.startTime()))
                    && (query.endTime() == null || !at.isAfter(query.endTime()))) {
                kept.append(line.substring(space + 1));
            }
        }
        return kept.toString();
    }

    @Override
    public String execCreate(String podId, String container, List<String> command, boolean tty) {
        return docker.execCreateCmd(PodContainers.containerName(podId, container))
                .withCmd(command.toArray(String[]::new))
                .withTty(tty)
                .withAttachStdin(true).withAttachStdout(true).withAttachStderr(true)
                .exec().getId();
    }

    @Override
    public OptionalInt execExitCode(String podId, String container, String execId) {
        InspectExecResponse exec = inspect(podId, container, execId);
        if (Boolean.TRUE.equals(exec.isRunning()) || exec.getExitCodeLong() == null) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(exec.getExitCodeLong().intValue());
    }

    @Override
    public Session execStart(String podId, String container, String execId, Output output) {
        InspectExecResponse exec = inspect(podId, container, execId);
        boolean tty = Boolean.TRUE.equals(exec.getProcessConfig().isTty());
        if (DockerExecStream.supports(config.getDockerHost(), config.getSSLConfig() != null)) {
            // a socket of its own, so the end of the client's input reaches the process
            return DockerExecStream.start(config.getDockerHost(), execId, tty, output);
        }
        Pipe stdin = new Pipe();
        var callback = docker.execStartCmd(execId).withDetach(false).withTty(tty)
                .withStdIn(stdin.in).exec(forward(output));
        return stdin.session(callback, tty);
    }

    @Override
    public Session attach(String podId, String container, Output output) {
        String name = PodContainers.containerName(podId, container);
        var config = docker.inspectContainerCmd(name).exec().getConfig();
        boolean tty = config != null && Boolean.TRUE.equals(config.getTty());
        Pipe stdin = new Pipe();
        var callback = docker.attachContainerCmd(name)
                .withStdIn(stdin.in).withStdOut(true).withStdErr(true).withFollowStream(true).withLogs(false)
                .exec(forward(output));
        return stdin.session(callback, tty);
    }

    @Override
    public void resize(String podId, String container, String execId, int height, int width) {
        // A terminal that has already gone away has no size to change: jdc resizes once more after every
        // session has ended, and that is answered as done rather than as an error.
        if (execId == null) {
            String name = PodContainers.containerName(podId, container);
            try {
                docker.resizeContainerCmd(name).withSize(height, width).exec();
            } catch (ConflictException | InternalServerErrorException e) {
                if (Boolean.TRUE.equals(docker.inspectContainerCmd(name).exec().getState().getRunning())) {
                    throw e;
                }
            }
        } else {
            if (!Boolean.TRUE.equals(inspect(podId, container, execId).isRunning())) {
                return;
            }
            try {
                docker.resizeExecCmd(execId).withSize(height, width).exec();
            } catch (NotFoundException | ConflictException e) {
                if (Boolean.TRUE.equals(inspect(podId, container, execId).isRunning())) {
                    throw e;
                }
            }
        }
    }

    private InspectExecResponse inspect(String podId, String container, String execId) {
        try {
            InspectExecResponse exec = docker.inspectExecCmd(execId).exec();
            String containerId = docker.inspectContainerCmd(PodContainers.containerName(podId, container)).exec().getId();
            if (!containerId.equals(exec.getContainerID())) {
                throw new NoSuchSession("exec '" + execId + "' is not one of container '" + container + "'");
            }
            return exec;
        } catch (NotFoundException e) {
            throw new NoSuchSession("exec '" + execId + "' not found in container '" + container + "'");
        }
    }

    private static ResultCallback.Adapter<Frame> forward(Output output) {
        return new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Frame frame) {
                int stream = frame.getStreamType() == StreamType.STDOUT ? 1 : frame.getStreamType() == StreamType.STDERR ? 2 : 0;
                output.write(stream, frame.getPayload());
            }

            @Override
            public void onComplete() {
                output.ended();
                super.onComplete();
            }

            @Override
            public void onError(Throwable throwable) {
                output.ended();
                super.onError(throwable);
            }
        };
    }

    /** stdin of a session: what the client sends is written into the pipe Docker reads. */
    private static final class Pipe {
        final PipedInputStream in = new PipedInputStream(64 * 1024);
        final PipedOutputStream out;

        Pipe() {
            try {
                out = new PipedOutputStream(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Session session(ResultCallback.Adapter<Frame> callback, boolean tty) {
            return new Session() {
                @Override
                public void endOfTransmission() {
                    if (tty) {
                        stdin(new byte[] {0x04});
                    } else {
                        closeStdin();
                    }
                }

                @Override
                public void stdin(byte[] data) {
                    try {
                        out.write(data);
                        out.flush();
                    } catch (IOException e) {
                        throw new UncheckedIOException("the session's stdin is closed", e);
                    }
                }

                @Override
                public void closeStdin() {
                    try {
                        out.close();
                    } catch (IOException e) {
                        // closed already
                    }
                }

                @Override
                public void close() {
                    try {
                        out.close();
                        callback.close();
                    } catch (IOException e) {
                        // closing anyway
                    }
                }
            };
        }
    }
}
