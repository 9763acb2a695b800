package io.podservice.api.node;

import java.io.Closeable;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;

/**
 * Interactive access to a pod's containers: logs, exec sessions, attach and TTY sizes. On the node
 * that runs the pod it is implemented with docker-java (the worker's {@code DockerSessions}); from
 * elsewhere, by a client of that node's internal endpoints (query-api's {@code RemoteContainerSessions}).
 */
public interface ContainerSessions {

    /** Which part of a container's log to read; null fields are not limits. */
    record LogQuery(Integer tailLines, Integer sinceSeconds, Integer limitBytes, Instant startTime, Instant endTime) {
    }

    /** Where a session's output goes: stream 1 is stdout, 2 stderr, 0 a TTY's single stream. */
    interface Output {
        void write(int stream, byte[] data);

        void ended();

        /** The session broke (not the process's normal end); by default the same as {@link #ended}. */
        default void failed(String reason) {
            ended();
        }
    }

    /** A running session: stdin goes in through {@link #stdin}; closing it ends the session. */
    interface Session extends Closeable {
        void stdin(byte[] data);

        /** The client's input has ended: the process reads end-of-file; its output still comes. */
        void closeStdin();

        /**
         * The client sent Ctrl-D (byte 0x04) on its own: with a TTY that byte goes to the process (the
         * terminal turns it into end-of-file where a line begins); without one, input ends.
         */
        void endOfTransmission();

        @Override
        void close();
    }

    /** The log of the container (all its runs), as Docker keeps it. */
    String logs(String podId, String container, LogQuery query);

    String execCreate(String podId, String container, List<String> command, boolean tty);

    /** The exec's exit code once it has ended; empty while it runs. Unknown exec: NoSuchSession. */
    OptionalInt execExitCode(String podId, String container, String execId);

    Session execStart(String podId, String container, String execId, Output output);

    Session attach(String podId, String container, Output output);

    /** Resizes an exec's TTY, or with {@code execId} null the container's (attach). */
    void resize(String podId, String container, String execId, int height, int width);

    /** An exec id that is not one of this container's. */
    class NoSuchSession extends RuntimeException {
        public NoSuchSession(String message) {
            super(message);
        }
    }
}
