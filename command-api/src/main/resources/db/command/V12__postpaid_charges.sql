-- Whether an account's balance is below zero, and the postpaid pods with how far each is charged
-- (PostpaidCharging: hour by hour from creation until deletion).
ALTER TABLE account_standing ADD COLUMN in_arrear boolean NOT NULL DEFAULT false;
-- whether anything was ever paid in (else the first charge opens the account with pod.billing.opening-balance)
ALTER TABLE account_standing ADD COLUMN funded boolean NOT NULL DEFAULT false;
CREATE TABLE postpaid_pod (
    pod_id         text PRIMARY KEY,
    account_id     text NOT NULL,
    instance_type  text NOT NULL,
    charge_mode    text NOT NULL,
    charged_until  timestamptz NOT NULL,
    ended_at       timestamptz
);
CREATE INDEX postpaid_pod_account ON postpaid_pod (account_id);
