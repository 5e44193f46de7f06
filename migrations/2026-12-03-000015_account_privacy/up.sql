-- "Log out everywhere" and a changed password end every session at once: each access token
-- carries the account's session epoch when it was issued, and one below the account's current
-- epoch is refused (refresh tokens are revoked in the same transaction).
ALTER TABLE users ADD COLUMN session_epoch INTEGER NOT NULL DEFAULT 0;
-- The epoch a refresh token's session was started under: one below the account's is refused too,
-- so that a session started (or refreshed) while the sessions were being ended cannot outlive it.
ALTER TABLE refresh_tokens ADD COLUMN session_epoch INTEGER NOT NULL DEFAULT 0;
-- A resident who deleted their account: the row stays as the reporter of record of their reports,
-- with no personal data left in it (docs/privacy.md).
ALTER TABLE users ADD COLUMN erased_at TIMESTAMPTZ;
ALTER TABLE users ADD CONSTRAINT users_erased_disabled
    CHECK (erased_at IS NULL OR disabled_at IS NOT NULL);
