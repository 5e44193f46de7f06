-- Residents who say "this is it" about a report instead of filing it again: each supports it once
-- (withdrawable) and follows it. Views count a report's supports with the primary key's index.
CREATE TABLE report_supports (
    report_id  UUID NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    user_id    UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (report_id, user_id)
);
-- A resident's supports, and the statistics' participants of a period.
CREATE INDEX report_supports_user ON report_supports (user_id);
CREATE INDEX report_supports_created ON report_supports (created_at);

-- How far "already reported?" looks around a new report of the category (FixMyStreet's rule:
-- 250 m by default), never farther than 1 km.
ALTER TABLE categories ADD COLUMN nearby_radius_m INTEGER NOT NULL DEFAULT 250
    CHECK (nearby_radius_m BETWEEN 10 AND 1000);
