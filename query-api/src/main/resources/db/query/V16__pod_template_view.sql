-- describePodTemplate(s): each pod template with its PodTemplateData, from its events.
CREATE TABLE pod_template_view (
    pod_template_id text PRIMARY KEY,
    account_id      text NOT NULL,
    region_id       text NOT NULL,
    name            text NOT NULL,
    description     text,
    data            jsonb NOT NULL,
    created_time    timestamptz NOT NULL,
    deleted         boolean NOT NULL DEFAULT false,
    last_sequence   bigint NOT NULL
);
CREATE INDEX pod_template_view_account ON pod_template_view (account_id, region_id, created_time) WHERE NOT deleted;
