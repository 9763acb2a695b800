-- Since when an account is in arrear (its postpaid pods are retired pod.billing.retention after it).
ALTER TABLE account_standing ADD COLUMN in_arrear_since timestamptz;
-- How a prepaid pod renews itself when its period ends (autoRenew): the months and the amount each
-- renewal pays ahead, as its last payment did; null: it is not renewed.
ALTER TABLE prepaid_pod ADD COLUMN renew_months integer;
ALTER TABLE prepaid_pod ADD COLUMN renew_amount numeric(18, 2);
-- Postpaid pods by usage: the running seconds not charged yet, and since when the pod runs (null: it does not).
ALTER TABLE postpaid_pod ADD COLUMN usage_seconds bigint NOT NULL DEFAULT 0;
ALTER TABLE postpaid_pod ADD COLUMN running_since timestamptz;
