-- What each account uses per region and resource type, kept in step with the event store: the
-- "quota-ledger" subscribing processor updates it in the same transaction that appends
-- PodCreated / PodDeleted. createPods locks the account's rows while it decides how many fit.
CREATE TABLE quota_usage (
    account_id    VARCHAR(64) NOT NULL,
    region_id     VARCHAR(64) NOT NULL,
    resource_type VARCHAR(32) NOT NULL,
    used          BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (account_id, region_id, resource_type)
);
