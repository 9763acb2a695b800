-- The periods prepaid pods are paid for (PrepaidPeriods), from the accounts' prepaid charges.
CREATE TABLE pod_prepaid_view (
    pod_id        text PRIMARY KEY,
    period_start  timestamptz NOT NULL,
    period_end    timestamptz NOT NULL
);
