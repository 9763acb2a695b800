/**
 * The node gateway: exec, attach, resizeTTY and container logs. Each request is checked against the
 * caller's account, the container and the pod's phase ({@link io.podservice.gateway.PodAccess}, from
 * the read side's {@link io.podservice.api.node.PodDirectory}), then served by the node that runs the
 * pod ({@link io.podservice.gateway.NodeRouter}): the worker in this JVM, or the node's internal
 * endpoints with the node token ({@link io.podservice.gateway.RemoteContainerSessions}). Toward the
 * API's clients the streams speak JD Cloud's framing, toward the nodes a byte-exact one
 * ({@link io.podservice.api.node.ContainerStreamHandler}).
 */
package io.podservice.gateway;
