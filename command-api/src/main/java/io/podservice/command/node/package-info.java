/**
 * Nodes as resources of the service: the {@link io.podservice.command.node.Node} aggregate (registered,
 * ready, lost), fed by the nodes' heartbeats ({@link io.podservice.command.node.NodeHeartbeatConsumer})
 * and by their silence ({@link io.podservice.command.node.NodeLiveness}).
 */
package io.podservice.command.node;
