-- Password-reset codes: six digits sent to the account's login (email, or SMS to a phone),
-- stored only as a salted SHA-256 digest, single use, valid for a few minutes, void after a few
-- wrong tries. A new code voids the account's earlier ones.
CREATE TABLE password_resets (
    id BIGSERIAL PRIMARY KEY,
    user_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    salt BYTEA NOT NULL,
    code_digest BYTEA NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at TIMESTAMPTZ NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    used_at TIMESTAMPTZ
);
CREATE INDEX password_resets_open ON password_resets (user_id) WHERE used_at IS NULL;

-- Messages about one's own account go through the outbox too: by email, or by SMS.
ALTER TABLE jobs DROP CONSTRAINT jobs_kind_check;
ALTER TABLE jobs ADD CONSTRAINT jobs_kind_check
    CHECK (kind IN ('escalate', 'email', 'account_email', 'sms'));
