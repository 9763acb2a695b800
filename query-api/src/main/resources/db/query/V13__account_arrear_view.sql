-- Accounts whose balance is below zero (PrepaidPeriods, from AccountArrearsChanged): their postpaid
-- pods show chargeStatus arrear.
CREATE TABLE account_arrear_view (
    account_id  text PRIMARY KEY,
    in_arrear   boolean NOT NULL
);
