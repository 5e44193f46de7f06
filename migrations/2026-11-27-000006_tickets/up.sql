-- The ticket lifecycle: deadlines, assignment, ratings, response templates, the holiday calendar,
-- SLA policies, and the job table that carries escalations and the email outbox.

-- Deadlines are computed by the application (working-time arithmetic over the holiday table).
-- `due_at` is the deadline now running: the accept deadline until the ticket is accepted, then
-- the resolve deadline; NULL while paused (waiting for the citizen) or once handled.
ALTER TABLE reports
    ADD COLUMN urgent           BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN sla_clock        TEXT NOT NULL DEFAULT 'working' CHECK (sla_clock IN ('working', 'wall_clock')),
    -- The instant the allowances are measured from; moved forward by the length of each pause.
    ADD COLUMN sla_origin       TIMESTAMPTZ,
    ADD COLUMN accept_due_at    TIMESTAMPTZ,
    ADD COLUMN resolve_due_at   TIMESTAMPTZ,
    ADD COLUMN due_at           TIMESTAMPTZ,
    ADD COLUMN paused_at        TIMESTAMPTZ,
    -- 0 none, 1 warned at 75 %, 2 escalated to the unit manager, 3 escalated to the IOC.
    ADD COLUMN escalation_level SMALLINT NOT NULL DEFAULT 0 CHECK (escalation_level BETWEEN 0 AND 3),
    ADD COLUMN assignee_id      UUID REFERENCES users (id),
    ADD COLUMN hops             INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN duplicate_of     UUID REFERENCES reports (id),
    ADD COLUMN public_answer    TEXT CHECK (char_length(public_answer) <= 4000),
    ADD CONSTRAINT reports_not_own_duplicate CHECK (duplicate_of IS NULL OR duplicate_of <> id);
-- Inbox order: the most pressing deadline first, tickets without a running deadline last.
CREATE INDEX reports_inbox ON reports (unit_code, (COALESCE(due_at, '2199-12-31 00:00:00+00'::timestamptz)), id);
CREATE INDEX reports_by_due ON reports ((COALESCE(due_at, '2199-12-31 00:00:00+00'::timestamptz)), id);

ALTER TABLE report_events
    ADD COLUMN public_note  TEXT CHECK (char_length(public_note) <= 4000),
    ADD COLUMN from_unit    TEXT REFERENCES handling_units (code),
    -- The original of a duplicate.
    ADD COLUMN related_id   UUID REFERENCES reports (id),
    ADD COLUMN assignee_id  UUID REFERENCES users (id);
ALTER TABLE report_events ADD CONSTRAINT report_events_note_length CHECK (char_length(note) <= 4000);

-- Non-working days (local dates) of the working-time clock; an administrator fills it each year
-- (Tết moves with the lunar calendar, substitute days are announced yearly).
CREATE TABLE holidays (
    day  DATE PRIMARY KEY,
    name TEXT NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200)
);

-- How long a unit has to accept and to resolve, per category and urgency. A row without a
-- category is the default for its urgency.
CREATE TABLE sla_policies (
    id              BIGSERIAL PRIMARY KEY,
    category_code   TEXT REFERENCES categories (code),
    urgent          BOOLEAN NOT NULL,
    clock           TEXT NOT NULL CHECK (clock IN ('working', 'wall_clock')),
    accept_minutes  INTEGER NOT NULL CHECK (accept_minutes > 0),
    resolve_minutes INTEGER NOT NULL CHECK (resolve_minutes > 0),
    CHECK (accept_minutes <= resolve_minutes),
    UNIQUE NULLS NOT DISTINCT (category_code, urgent)
);
-- Normal reports: accepted within 8 working hours, resolved within 7 working days (7 x 7.5 h);
-- urgent ones: accepted within 30 minutes and handled within 4 hours, around the clock.
INSERT INTO sla_policies (category_code, urgent, clock, accept_minutes, resolve_minutes) VALUES
    (NULL, false, 'working', 480, 3150),
    (NULL, true, 'wall_clock', 30, 240);

CREATE TABLE ratings (
    report_id  UUID PRIMARY KEY REFERENCES reports (id),
    rater_id   UUID NOT NULL REFERENCES users (id),
    score      SMALLINT NOT NULL CHECK (score BETWEEN 1 AND 5),
    comment    TEXT CHECK (char_length(comment) <= 4000),
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE response_templates (
    id         UUID PRIMARY KEY,
    unit_code  TEXT NOT NULL REFERENCES handling_units (code),
    title      TEXT NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
    body       TEXT NOT NULL CHECK (char_length(body) BETWEEN 1 AND 4000),
    created_by UUID NOT NULL REFERENCES users (id),
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX response_templates_by_unit ON response_templates (unit_code, title);

-- Background work, written in the same transaction as the change that causes it: escalation
-- checks and outgoing email (the outbox). Workers take rows with FOR UPDATE SKIP LOCKED. A job
-- that keeps failing is kept with dead_at set, never dropped.
CREATE TABLE jobs (
    id         BIGSERIAL PRIMARY KEY,
    kind       TEXT NOT NULL CHECK (kind IN ('escalate', 'email')),
    payload    JSONB NOT NULL,
    run_at     TIMESTAMPTZ NOT NULL,
    attempts   INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    dead_at    TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX jobs_due ON jobs (run_at, id) WHERE dead_at IS NULL;
