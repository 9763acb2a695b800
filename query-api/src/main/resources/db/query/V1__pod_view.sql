-- The describePod(s) read model, one row per pod, built from the event stream.
-- last_sequence is the aggregate sequence of the last event applied: events at or below it are
-- duplicates (redelivery) and are skipped, so applying the stream twice changes nothing.
CREATE TABLE pod_view (
    pod_id             VARCHAR(32)  NOT NULL PRIMARY KEY,
    region_id          VARCHAR(64)  NOT NULL,
    name               VARCHAR(63)  NOT NULL,
    az                 VARCHAR(64),
    instance_type      VARCHAR(64),
    phase              VARCHAR(16)  NOT NULL,
    reason             TEXT,
    message            TEXT,
    pod_ip             VARCHAR(64),
    start_time         TIMESTAMPTZ,
    create_time        TIMESTAMPTZ  NOT NULL,
    definition         JSONB        NOT NULL,
    container_statuses JSONB        NOT NULL DEFAULT '[]',
    last_sequence      BIGINT       NOT NULL,
    last_event_time    TIMESTAMPTZ  NOT NULL,
    projected_at       TIMESTAMPTZ  NOT NULL
);

-- describePods: newest first, ties by pod id, within a region.
CREATE INDEX pod_view_region_created ON pod_view (region_id, create_time DESC, pod_id);
