-- describeNodes shows whether pods may be placed on a node (not when an operator cordoned it) and
-- whether it is being drained.
ALTER TABLE node_view
    ADD COLUMN schedulable BOOLEAN NOT NULL DEFAULT TRUE,
    ADD COLUMN draining    BOOLEAN NOT NULL DEFAULT FALSE;
