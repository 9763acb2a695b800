-- describePods' remaining filters: agId (exact), tags (key, or key with values), and fuzzy
-- name / privateIpAddress matching served by trigram indexes; container_count for quotas.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

ALTER TABLE pod_view ADD COLUMN ag_id VARCHAR(64);
ALTER TABLE pod_view ADD COLUMN tags JSONB NOT NULL DEFAULT '{}';
ALTER TABLE pod_view ADD COLUMN container_count INT NOT NULL DEFAULT 0;

UPDATE pod_view
   SET ag_id = definition ->> 'agId',
       tags = COALESCE(definition -> 'userTags', '{}'),
       container_count = jsonb_array_length(definition -> 'containers');

CREATE INDEX pod_view_tags ON pod_view USING GIN (tags);
CREATE INDEX pod_view_name_trgm ON pod_view USING GIN (name gin_trgm_ops);
CREATE INDEX pod_view_ip_trgm ON pod_view USING GIN (pod_ip gin_trgm_ops);
CREATE INDEX pod_view_account_phase ON pod_view (account_id, region_id, phase, create_time DESC, pod_id) WHERE NOT deleted;
