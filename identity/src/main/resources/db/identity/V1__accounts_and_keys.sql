-- Accounts own every resource; access keys sign requests on their behalf.
CREATE TABLE account (
    account_id  VARCHAR(64)  NOT NULL PRIMARY KEY,
    name        VARCHAR(128) NOT NULL UNIQUE,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- The secret is stored encrypted with the master key (AES-GCM, bound to the access key id).
CREATE TABLE access_key (
    access_key_id     VARCHAR(64) NOT NULL PRIMARY KEY,
    account_id        VARCHAR(64) NOT NULL REFERENCES account (account_id),
    secret_ciphertext BYTEA       NOT NULL,
    enabled           BOOLEAN     NOT NULL DEFAULT TRUE,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX access_key_account ON access_key (account_id);

-- Nonces seen within the signature's validity window: a second use is a replay.
CREATE TABLE request_nonce (
    access_key_id VARCHAR(64)  NOT NULL,
    nonce         VARCHAR(128) NOT NULL,
    seen_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (access_key_id, nonce)
);
CREATE INDEX request_nonce_seen ON request_nonce (seen_at);
