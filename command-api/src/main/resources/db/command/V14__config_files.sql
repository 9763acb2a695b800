-- The live config files by account, region and name, with their content (the nodes read it from
-- here), and the pods that mount each (a config file in use is not deleted). Kept by the
-- subscribing processor config-file-index.
CREATE TABLE config_file_index (
    account_id      text NOT NULL,
    region_id       text NOT NULL,
    name            text NOT NULL,
    config_file_id  text NOT NULL UNIQUE,
    version         bigint NOT NULL,
    data            jsonb NOT NULL,
    PRIMARY KEY (account_id, region_id, name)
);
CREATE TABLE config_file_use (
    pod_id      text NOT NULL,
    account_id  text NOT NULL,
    region_id   text NOT NULL,
    name        text NOT NULL,
    PRIMARY KEY (pod_id, name)
);
CREATE INDEX config_file_use_file ON config_file_use (account_id, region_id, name);
