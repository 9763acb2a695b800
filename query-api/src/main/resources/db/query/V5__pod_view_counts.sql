-- Exact totals for describePods without counting rows: live pods per account, region, phase
-- and zone, and per tag, kept by the projection in the transactions that change pod_view.
CREATE TABLE pod_view_counts (
    account_id VARCHAR(64) NOT NULL,
    region_id  VARCHAR(64) NOT NULL,
    phase      VARCHAR(16) NOT NULL,
    az         VARCHAR(64) NOT NULL,
    pods       BIGINT      NOT NULL,
    PRIMARY KEY (account_id, region_id, phase, az)
);

CREATE TABLE pod_view_tag_counts (
    account_id VARCHAR(64)  NOT NULL,
    region_id  VARCHAR(64)  NOT NULL,
    tag_key    VARCHAR(128) NOT NULL,
    tag_value  VARCHAR(256) NOT NULL,
    pods       BIGINT       NOT NULL,
    PRIMARY KEY (account_id, region_id, tag_key, tag_value)
);

INSERT INTO pod_view_counts
SELECT account_id, region_id, phase, COALESCE(az, ''), count(*) FROM pod_view WHERE NOT deleted
 GROUP BY account_id, region_id, phase, COALESCE(az, '');

INSERT INTO pod_view_tag_counts
SELECT account_id, region_id, t.key, t.value, count(*)
  FROM pod_view, jsonb_each_text(tags) AS t(key, value) WHERE NOT deleted
 GROUP BY account_id, region_id, t.key, t.value;
