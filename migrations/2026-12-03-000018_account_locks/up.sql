-- An account locked by staff for abuse (Hue-S does this): it can no longer log in, and is told
-- why at login. Its sessions end when it is locked. Residents included; unlocking is reversible.
ALTER TABLE users ADD COLUMN locked_at TIMESTAMPTZ;
ALTER TABLE users ADD COLUMN lock_reason TEXT;
ALTER TABLE users ADD COLUMN locked_by UUID REFERENCES users (id);
ALTER TABLE users ADD CONSTRAINT users_lock_has_reason
    CHECK ((locked_at IS NULL) = (lock_reason IS NULL));
