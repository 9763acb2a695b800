package io.podservice.events;

/**
 * An event of a node (a machine whose worker runs pods): registered, ready, lost, cordoned (and drained) by
 * an operator, uncordoned. The node's id is
 * the Kafka key. Heartbeats are not events ({@link NodeHeartbeat}): only the changes they reveal are.
 */
public sealed interface NodeEvent extends ServiceEvent permits NodeRegistered, NodeReady, NodeLost, NodeCordoned,
        NodeUncordoned {

    String nodeId();

    @Override
    default String aggregateId() {
        return nodeId();
    }
}
