CREATE TABLE users (
    id            UUID PRIMARY KEY,
    -- Canonical login: lower-case email, +84 phone number, or a staff user name.
    login         TEXT NOT NULL UNIQUE,
    login_kind    TEXT NOT NULL CHECK (login_kind IN ('email', 'phone', 'username')),
    password_hash TEXT NOT NULL,
    full_name     TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('resident', 'officer', 'unit_manager', 'ioc_operator', 'admin')),
    unit_code     TEXT REFERENCES handling_units (code),
    locale        TEXT NOT NULL DEFAULT 'vi' CHECK (locale IN ('vi', 'en')),
    failed_logins INTEGER NOT NULL DEFAULT 0,
    locked_until  TIMESTAMPTZ,
    disabled_at   TIMESTAMPTZ,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK ((role IN ('officer', 'unit_manager')) = (unit_code IS NOT NULL))
);

-- Opaque refresh tokens, stored as SHA-256 hashes. Each login starts a family; refreshing marks the
-- token used and issues the next one in the family. Presenting a used token revokes the family.
CREATE TABLE refresh_tokens (
    id         UUID PRIMARY KEY,
    user_id    UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    family_id  UUID NOT NULL,
    token_hash BYTEA NOT NULL UNIQUE,
    issued_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ,
    revoked_at TIMESTAMPTZ
);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user ON refresh_tokens (user_id);
