-- The deadline that was running when an event happened: whether a resolution came on time is then
-- a fact of its event, whatever the deadlines do later.
ALTER TABLE report_events ADD COLUMN due_at TIMESTAMPTZ;

-- One row per ticket that has been handled (accepted, transferred, rejected...): what the
-- statistics aggregate. Every column is derived from the ticket's events and rating, recomputed
-- whole in the transaction of each change (so it can never drift from them), with the
-- working-time calendar of that moment.
CREATE TABLE ticket_facts (
    report_id          UUID PRIMARY KEY REFERENCES reports (id),
    received_at        TIMESTAMPTZ NOT NULL,
    commune_code       TEXT NOT NULL,
    category_code      TEXT NOT NULL,
    unit_code          TEXT NOT NULL,
    accepted_at        TIMESTAMPTZ,
    accept_working_s   BIGINT,
    accept_wall_s      BIGINT,
    resolved_at        TIMESTAMPTZ,
    resolve_working_s  BIGINT,
    resolve_wall_s     BIGINT,
    resolved_on_time   BOOLEAN,
    transfers          INTEGER NOT NULL DEFAULT 0,
    reopens            INTEGER NOT NULL DEFAULT 0,
    rating             SMALLINT,
    rated_at           TIMESTAMPTZ,
    CHECK ((resolved_at IS NULL) = (resolve_wall_s IS NULL)),
    CHECK ((accepted_at IS NULL) = (accept_wall_s IS NULL))
);
CREATE INDEX ticket_facts_resolved ON ticket_facts (resolved_at) WHERE resolved_at IS NOT NULL;
CREATE INDEX ticket_facts_received ON ticket_facts (received_at);
