ALTER TABLE users DROP CONSTRAINT users_erased_disabled;
ALTER TABLE users DROP COLUMN erased_at;
ALTER TABLE refresh_tokens DROP COLUMN session_epoch;
ALTER TABLE users DROP COLUMN session_epoch;
