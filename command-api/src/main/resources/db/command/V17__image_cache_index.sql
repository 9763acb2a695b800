-- The live image caches: their image, the secret they were pulled with, which nodes were asked
-- and what each answered, and their status (createPods reads a container's cache from here). Kept
-- by the subscribing processor image-cache-index.
CREATE TABLE image_cache_index (
    image_cache_id  text PRIMARY KEY,
    account_id      text NOT NULL,
    region_id       text NOT NULL,
    name            text NOT NULL,
    image           text NOT NULL,
    secret          text,
    size_gb         integer NOT NULL,
    retention_days  integer NOT NULL,
    created_at      timestamptz NOT NULL,
    asked           integer NOT NULL,
    node_ids        text[] NOT NULL,
    answers         jsonb NOT NULL DEFAULT '{}'::jsonb,
    status          text NOT NULL
);
CREATE INDEX image_cache_index_image ON image_cache_index (account_id, region_id, image);
