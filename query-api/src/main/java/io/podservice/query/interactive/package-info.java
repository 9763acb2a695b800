/**
 * Interactive access served by the launcher, where the worker runs in the same JVM: exec, attach,
 * resizeTTY and container logs, checked against the caller's account and the pod's phase, then
 * handed to the node's {@link io.podservice.api.node.ContainerSessions}. In a distributed
 * deployment these operations belong on the worker that runs the pod (see docs/architecture.md).
 *
 * <p>WebSocket framing (execStart, attach): every binary message from the server starts with one
 * byte naming the stream (1 stdout, 2 stderr, 0 a TTY's single stream) followed by the bytes;
 * every message from the client (text or binary) is written to the process's stdin, and an empty
 * binary message ends it (end-of-file).
 */
package io.podservice.query.interactive;
