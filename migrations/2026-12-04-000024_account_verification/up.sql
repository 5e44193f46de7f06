-- A resident's new account is verified before its first report: a six-digit code sent to its
-- login (email, or SMS to a phone), like the password-reset codes, which become one table of
-- account codes, each for a purpose.
ALTER TABLE password_resets RENAME TO account_codes;
ALTER SEQUENCE password_resets_id_seq RENAME TO account_codes_id_seq;
ALTER INDEX password_resets_pkey RENAME TO account_codes_pkey;
DROP INDEX password_resets_open;
ALTER TABLE account_codes ADD COLUMN purpose TEXT NOT NULL DEFAULT 'password_reset'
    CHECK (purpose IN ('password_reset', 'verification'));
ALTER TABLE account_codes ALTER COLUMN purpose DROP DEFAULT;
CREATE INDEX account_codes_open ON account_codes (user_id, purpose) WHERE used_at IS NULL;

-- When the account's owner proved they receive messages at its login (a verification code, or a
-- password-reset code). Accounts made by administrators are verified when made. Accounts that
-- existed before verification was asked for keep reporting: they count as verified when made.
ALTER TABLE users ADD COLUMN verified_at TIMESTAMPTZ;
UPDATE users SET verified_at = created_at;
