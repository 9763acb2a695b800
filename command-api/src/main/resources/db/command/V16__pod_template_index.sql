-- The live pod templates with their PodTemplateData, which updatePodTemplate and verifyPodTemplate
-- start from. Kept by the subscribing processor pod-template-index.
CREATE TABLE pod_template_index (
    pod_template_id text PRIMARY KEY,
    account_id      text NOT NULL,
    region_id       text NOT NULL,
    name            text NOT NULL,
    description     text,
    data            jsonb NOT NULL
);
