-- Per aggregate, the last event the read models have applied: read-your-writes waits until it has
-- reached the command side's write positions of the account (written_position there).
CREATE TABLE applied_position (
    aggregate_id VARCHAR(64) NOT NULL PRIMARY KEY,
    sequence     BIGINT      NOT NULL
);
