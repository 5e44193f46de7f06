ALTER TABLE users DROP CONSTRAINT users_lock_has_reason;
ALTER TABLE users DROP COLUMN locked_by;
ALTER TABLE users DROP COLUMN lock_reason;
ALTER TABLE users DROP COLUMN locked_at;
