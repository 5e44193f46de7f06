-- Residents hear back (issue 14): what they were told in the app, where their browsers receive
-- pushes, and what they choose to receive by which channel.

-- What an account was told about a report it follows (its own, or one it supports): the notice
-- as data (public words only: the answer, the question, the reason the public timeline shows),
-- rendered in the reader's language when read. `photo_id` is a resolution's after photo, shown
-- while it is not hidden.
CREATE TABLE notifications (
    id BIGSERIAL PRIMARY KEY,
    user_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- The report it is about; none for an area alert's digest (which names its reports).
    report_id UUID REFERENCES reports (id) ON DELETE CASCADE,
    notice JSONB NOT NULL,
    photo_id UUID REFERENCES photos (id) ON DELETE SET NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX notifications_by_user ON notifications (user_id, id DESC);

-- The newest notification the account has read: the unread ones are those after it.
ALTER TABLE users ADD COLUMN notifications_read_to BIGINT NOT NULL DEFAULT 0;

-- A browser's Web Push subscription (RFC 8030): the push service's endpoint for it and the keys
-- its messages are encrypted with. One endpoint is one browser profile: a new sign-in there
-- takes the subscription over.
CREATE TABLE push_subscriptions (
    id BIGSERIAL PRIMARY KEY,
    user_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    endpoint TEXT NOT NULL UNIQUE,
    p256dh TEXT NOT NULL,
    auth TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX push_subscriptions_by_user ON push_subscriptions (user_id);

-- What an account receives by push and by email: news of the reports it follows ("updates")
-- and area alerts. No row: everything (the in-app list always has everything).
CREATE TABLE notification_preferences (
    user_id UUID PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    push_updates BOOLEAN NOT NULL,
    push_alerts BOOLEAN NOT NULL,
    email_updates BOOLEAN NOT NULL,
    email_alerts BOOLEAN NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

-- The secret of each account's one-click unsubscribe link (RFC 8058), in every email it is sent
-- about reports; it can only turn that account's emails off.
ALTER TABLE users ADD COLUMN unsubscribe_token UUID NOT NULL DEFAULT gen_random_uuid();
CREATE UNIQUE INDEX users_unsubscribe_token ON users (unsubscribe_token);

-- Area alerts (FixMyStreet's): new public reports in a commune, or within a radius of a point,
-- optionally of some categories only, told as one digest per alert and period (urgent
-- categories at once). `digest_due_at`: when the pending reports' digest is scheduled, if any.
CREATE TABLE alerts (
    id BIGSERIAL PRIMARY KEY,
    user_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    commune_code TEXT,
    center GEOMETRY (Point, 4326),
    radius_m INTEGER CHECK (radius_m BETWEEN 50 AND 2000),
    categories TEXT[] NOT NULL DEFAULT '{}',
    period_minutes INTEGER NOT NULL CHECK (period_minutes IN (60, 1440)),
    digest_due_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK ((commune_code IS NULL) <> (center IS NULL AND radius_m IS NULL)),
    CHECK ((center IS NULL) = (radius_m IS NULL))
);
CREATE INDEX alerts_by_user ON alerts (user_id);
CREATE INDEX alerts_by_commune ON alerts (commune_code) WHERE commune_code IS NOT NULL;
CREATE INDEX alerts_by_area ON alerts USING gist ((center::geography)) WHERE center IS NOT NULL;

-- Reports an alert will tell in its next digest.
CREATE TABLE alert_pending (
    alert_id BIGINT NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
    report_id UUID NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    PRIMARY KEY (alert_id, report_id)
);

-- Reports an alert has told (FixMyStreet's alert_sent): never the same one twice.
CREATE TABLE alert_sent (
    alert_id BIGINT NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
    report_id UUID NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    sent_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (alert_id, report_id)
);

-- Pushes and alert digests go through the outbox like email.
ALTER TABLE jobs DROP CONSTRAINT jobs_kind_check;
ALTER TABLE jobs ADD CONSTRAINT jobs_kind_check
    CHECK (kind IN ('escalate', 'email', 'account_email', 'sms', 'push', 'alert_digest'));
