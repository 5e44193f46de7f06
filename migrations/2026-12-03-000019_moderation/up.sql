-- What moderators (IOC operators, administrators) hid from the public: a report's text
-- (`photo_id` NULL) or one of its photos, with why and by whom. The original stays, for staff and
-- the reporter; unhiding deletes the row. Public views, Open311 and photo variants consult it.
CREATE TABLE moderation_hides (
    id BIGSERIAL PRIMARY KEY,
    report_id UUID NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    photo_id UUID REFERENCES photos (id) ON DELETE CASCADE,
    reason TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
    hidden_by UUID NOT NULL REFERENCES users (id),
    hidden_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX moderation_hides_text ON moderation_hides (report_id) WHERE photo_id IS NULL;
CREATE UNIQUE INDEX moderation_hides_photo ON moderation_hides (photo_id) WHERE photo_id IS NOT NULL;
