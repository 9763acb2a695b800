-- Each secret's data key, wrapped by the master key. Deleting the row is crypto-shredding: the
-- secret's events (which hold only ciphertext under this key) can no longer be decrypted.
CREATE TABLE secret_data_key (
    key_id      VARCHAR(64) NOT NULL PRIMARY KEY,
    wrapped_key BYTEA       NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The live secrets by name, for createPods (which secret a container names) and for unique
-- names; kept from the Secret events by the subscribing "secret-index" processor.
CREATE TABLE secret_index (
    account_id          VARCHAR(64)  NOT NULL,
    region_id           VARCHAR(64)  NOT NULL,
    name                VARCHAR(253) NOT NULL,
    secret_id           VARCHAR(64)  NOT NULL UNIQUE,
    server              VARCHAR(255) NOT NULL,
    username            VARCHAR(255) NOT NULL,
    password_ciphertext TEXT         NOT NULL,
    key_id              VARCHAR(64)  NOT NULL,
    PRIMARY KEY (account_id, region_id, name)
);
