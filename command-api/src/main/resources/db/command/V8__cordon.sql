-- Operators cordon a node (no new pods on it) and drain it (its pods moved elsewhere), from the
-- Node aggregate's NodeCordoned / NodeUncordoned events by the "node-index" subscribing processor.
ALTER TABLE node_index
    ADD COLUMN cordoned BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN draining BOOLEAN NOT NULL DEFAULT FALSE;
