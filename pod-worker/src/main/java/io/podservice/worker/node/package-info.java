/**
 * This node as a target of interactive access: its identity and advertised URL ({@code
 * WorkerNode}), and the internal HTTP and WebSocket endpoints through which the query side runs
 * exec, attach, resizeTTY and logs on the pods this node runs. Authenticated by the node token.
 */
package io.podservice.worker.node;
