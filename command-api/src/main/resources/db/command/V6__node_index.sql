-- The nodes the service knows and their state, kept from the Node events by the "node-index"
-- subscribing processor in the transaction that stores them; and when each was last heard from,
-- written by the heartbeat consumer (heartbeats are not events). The liveness check reads both, so
-- any command-api instance can declare a silent node lost.
CREATE TABLE node_index (
    node_id           VARCHAR(128) NOT NULL PRIMARY KEY,
    state             VARCHAR(16)  NOT NULL,
    last_heartbeat_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX node_index_liveness ON node_index (state, last_heartbeat_at);
