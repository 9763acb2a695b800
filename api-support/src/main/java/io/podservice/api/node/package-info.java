/**
 * What the API side and the node agents share about interactive access: the {@link
 * io.podservice.api.node.ContainerSessions} contract, the WebSocket {@link
 * io.podservice.api.node.ContainerStreamHandler} with its framing, the {@link
 * io.podservice.api.node.NodeToken} that authenticates the service's parts to each other, and the
 * {@link io.podservice.api.node.NodeIdentity} of a worker in the same JVM.
 *
 * <p>WebSocket framing (execStart, attach, and a node's internal streams alike): every binary
 * message from the server starts with one byte naming the stream (1 stdout, 2 stderr, 0 a TTY's
 * single stream) followed by the bytes; every message from the client (text or binary) is written
 * to the process's stdin, and an empty binary message ends it (end-of-file).
 */
package io.podservice.api.node;
