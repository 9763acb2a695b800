-- Each account's standing as operators set it (the Account aggregate's events, kept by the
-- subscribing processor account-standing). No row: verified, not blacklisted, unprotected.
CREATE TABLE account_standing (
    account_id           text PRIMARY KEY,
    real_name_verified   boolean NOT NULL DEFAULT true,
    eip_blacklisted      boolean NOT NULL DEFAULT false,
    -- the TOTP secret sealed with the master key (context "mfa:<account id>")
    mfa_secret           text,
    protection_enabled   boolean NOT NULL DEFAULT false,
    -- the last TOTP time step accepted: a code is good once
    mfa_last_step        bigint NOT NULL DEFAULT 0
);
