-- An account's balance (top-ups less charges, kept by account-standing from the Account's events)
-- and the periods prepaid pods are paid for.
ALTER TABLE account_standing ADD COLUMN balance numeric(18, 2) NOT NULL DEFAULT 0;
CREATE TABLE prepaid_pod (
    pod_id        text PRIMARY KEY,
    account_id    text NOT NULL,
    period_start  timestamptz NOT NULL,
    period_end    timestamptz NOT NULL
);
