-- describeConfigFile: each live config file with its files (values Base64, as given), from its events.
CREATE TABLE config_file_view (
    config_file_id  text PRIMARY KEY,
    account_id      text NOT NULL,
    region_id       text NOT NULL,
    name            text NOT NULL,
    data            jsonb NOT NULL,
    deleted         boolean NOT NULL DEFAULT false,
    last_sequence   bigint NOT NULL
);
CREATE INDEX config_file_view_name ON config_file_view (account_id, region_id, name) WHERE NOT deleted;
