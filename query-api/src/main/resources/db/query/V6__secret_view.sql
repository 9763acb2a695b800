-- describeSecret(s): one row per secret, never the password (the events hold only its ciphertext,
-- and this table not even that).
CREATE TABLE secret_view (
    secret_id     VARCHAR(64)  NOT NULL PRIMARY KEY,
    account_id    VARCHAR(64)  NOT NULL,
    region_id     VARCHAR(64)  NOT NULL,
    name          VARCHAR(253) NOT NULL,
    secret_type   VARCHAR(32)  NOT NULL,
    server        VARCHAR(255) NOT NULL,
    username      VARCHAR(255) NOT NULL,
    email         VARCHAR(255),
    created_at    TIMESTAMPTZ  NOT NULL,
    deleted       BOOLEAN      NOT NULL DEFAULT FALSE,
    last_sequence BIGINT       NOT NULL
);
CREATE INDEX secret_view_listing ON secret_view (account_id, region_id, created_at DESC, secret_id) WHERE NOT deleted;
