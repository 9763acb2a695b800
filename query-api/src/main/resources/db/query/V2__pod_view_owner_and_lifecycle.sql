-- Every pod belongs to the account that created it; deleted pods stay as tombstones so a late
-- duplicate of an old event can never bring them back, but are never shown.
ALTER TABLE pod_view ADD COLUMN account_id VARCHAR(64) NOT NULL DEFAULT '';
ALTER TABLE pod_view ADD COLUMN deleted BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE pod_view ADD COLUMN description TEXT;

DROP INDEX pod_view_region_created;
-- describePods: one account's live pods in a region, newest first, ties by pod id.
CREATE INDEX pod_view_account_listing ON pod_view (account_id, region_id, create_time DESC, pod_id) WHERE NOT deleted;
