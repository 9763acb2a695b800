package io.podservice.api.node;

/**
 * The node agent running in this JVM, if any: its id as it signs task results, and the base URL
 * on which its internal interactive endpoints answer (null until its web server has a port).
 */
public interface NodeIdentity {

    String nodeId();

    String nodeUrl();
}
