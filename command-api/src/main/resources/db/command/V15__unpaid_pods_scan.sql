-- Pods the unpaid-pod lifecycle has suspended (it looks at them again only when they are due to
-- retire), and what was left by versions before it: the prepaid rows of pods deleted since, and
-- accounts in arrear with no time recorded (from now, then).
ALTER TABLE prepaid_pod ADD COLUMN suspended boolean NOT NULL DEFAULT false;
ALTER TABLE postpaid_pod ADD COLUMN suspended boolean NOT NULL DEFAULT false;
DELETE FROM prepaid_pod p WHERE EXISTS (SELECT 1 FROM domain_event_entry e
    WHERE e.aggregate_identifier = p.pod_id AND e.payload_type = 'io.podservice.events.PodDeleted');
UPDATE account_standing SET in_arrear_since = now() WHERE in_arrear AND in_arrear_since IS NULL;
