-- One record per event a signed request caused: who (account, access key), what (operation,
-- resource), when, the request id and how it ended. Keyed by the event id, so a redelivered or
-- replayed event changes nothing.
CREATE TABLE audit_record (
    event_id           text        NOT NULL PRIMARY KEY,
    account_id         text        NOT NULL,
    access_key_id      text,
    region_id          text,
    operation          text        NOT NULL,
    resource_type      text        NOT NULL,
    resource_id        text        NOT NULL,
    request_id         text,
    occurred_at        timestamptz NOT NULL,
    aggregate_sequence bigint      NOT NULL,
    event_type         text        NOT NULL,
    task_id            text,
    outcome            text        NOT NULL,
    outcome_message    text
);
CREATE INDEX audit_record_listing ON audit_record (account_id, region_id, occurred_at, aggregate_sequence);
CREATE INDEX audit_record_resource ON audit_record (resource_id, occurred_at);
CREATE INDEX audit_record_task ON audit_record (task_id) WHERE task_id IS NOT NULL;

-- The region of each resource, from its creation event (not every later event repeats it).
CREATE TABLE audit_resource (
    resource_id text NOT NULL PRIMARY KEY,
    region_id   text NOT NULL
);
