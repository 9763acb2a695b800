-- The pod's Ready condition (every container ready) and when it last changed.
ALTER TABLE pod_view ADD COLUMN ready BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE pod_view ADD COLUMN ready_since TIMESTAMPTZ;

-- checkPodName: is a name used by the account's live pods in the region?
CREATE INDEX pod_view_account_name ON pod_view (account_id, region_id, name) WHERE NOT deleted;
