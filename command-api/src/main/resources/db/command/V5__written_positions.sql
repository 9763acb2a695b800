-- Per aggregate, the last event a signed request caused, and whose request it was: the query side
-- waits until its read models have applied it before it answers that account (read-your-writes).
-- Kept by the "written-positions" subscribing processor in the transaction that stores the events;
-- rows older than a few minutes are forgotten.
CREATE TABLE written_position (
    aggregate_id VARCHAR(64)  NOT NULL PRIMARY KEY,
    account_id   VARCHAR(64)  NOT NULL,
    sequence     BIGINT       NOT NULL,
    written_at   TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX written_position_account ON written_position (account_id, written_at);
