package io.podservice.worker.node;

/** The node's internal interactive endpoints, called by the query side with the node token. */
final class NodePaths {

    static final String CONTAINER = "/internal/node/pods/{podId}/containers/{containerName}";

    private NodePaths() {
    }
}
