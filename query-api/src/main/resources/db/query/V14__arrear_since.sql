-- Since when an account is in arrear: its postpaid pods are retired pod.billing.retention after it.
ALTER TABLE account_arrear_view ADD COLUMN since timestamptz;
