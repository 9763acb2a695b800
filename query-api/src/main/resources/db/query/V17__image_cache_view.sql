-- describeImageCache(s) and getMostSuitableImageCache: each image cache with each asked node's answer,
-- and the pods' containers that used it (JD Cloud's useCount and lastMatchedTime), from the events.
CREATE TABLE image_cache_view (
    image_cache_id  text PRIMARY KEY,
    account_id      text NOT NULL,
    region_id       text NOT NULL,
    name            text NOT NULL,
    image           text NOT NULL,
    secret          text,
    size_gb         integer NOT NULL,
    retention_days  integer NOT NULL,
    created_time    timestamptz NOT NULL,
    node_ids        text[] NOT NULL,
    answers         jsonb NOT NULL DEFAULT '{}'::jsonb,
    status          text NOT NULL,
    deleted         boolean NOT NULL DEFAULT false,
    last_sequence   bigint NOT NULL
);
CREATE INDEX image_cache_view_account ON image_cache_view (account_id, region_id, created_time) WHERE NOT deleted;
CREATE TABLE image_cache_use (
    pod_id          text NOT NULL,
    container       text NOT NULL,
    image_cache_id  text NOT NULL,
    matched_time    timestamptz NOT NULL,
    PRIMARY KEY (pod_id, container)
);
CREATE INDEX image_cache_use_cache ON image_cache_use (image_cache_id);
