-- Reports and their event log. The routing decision (which boundary version, why that commune,
-- which rule, why that unit) is stored with the report so it can be explained and audited later.
CREATE SEQUENCE report_number_seq;

CREATE TABLE reports (
    id                 UUID PRIMARY KEY,
    -- Source of the human tracking code (a fixed permutation of this number).
    number             BIGINT NOT NULL UNIQUE DEFAULT nextval('report_number_seq'),
    reporter_id        UUID NOT NULL REFERENCES users (id),
    idempotency_key    UUID NOT NULL,
    fingerprint        BYTEA NOT NULL,
    category_code      TEXT NOT NULL REFERENCES categories (code),
    description        TEXT NOT NULL CHECK (char_length(description) BETWEEN 1 AND 4000),
    address            TEXT CHECK (char_length(address) <= 500),
    location           geometry(Point, 4326) NOT NULL,
    location_source    TEXT NOT NULL DEFAULT 'device' CHECK (location_source IN ('device', 'photo')),
    status             TEXT NOT NULL DEFAULT 'received' CHECK (status IN (
                           'received', 'accepted', 'in_progress', 'waiting_for_citizen', 'transferred',
                           'resolved', 'closed', 'rejected', 'duplicate', 'reopened')),
    boundary_id        BIGINT NOT NULL REFERENCES admin_units (id),
    commune_code       TEXT NOT NULL,
    commune_reason     TEXT NOT NULL CHECK (commune_reason IN ('covered', 'border_tie_break', 'nearest_within_tolerance')),
    commune_distance_m DOUBLE PRECISION NOT NULL DEFAULT 0,
    unit_code          TEXT NOT NULL REFERENCES handling_units (code),
    routing_rule_id    BIGINT REFERENCES routing_rules (id),
    unit_reason        TEXT NOT NULL CHECK (unit_reason IN ('commune_rule', 'city_wide_rule', 'ioc_triage')),
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (reporter_id, idempotency_key)
);
ALTER SEQUENCE report_number_seq OWNED BY reports.number;
CREATE INDEX reports_recent ON reports (created_at DESC, id DESC);
CREATE INDEX reports_location ON reports USING gist (location);
CREATE INDEX reports_by_reporter ON reports (reporter_id, created_at DESC, id DESC);
CREATE INDEX reports_by_commune ON reports (commune_code, created_at DESC, id DESC);
CREATE INDEX reports_by_unit ON reports (unit_code, status);

-- Append-only: every change of a report is a row. Statistics are computed from these times.
CREATE TABLE report_events (
    id          BIGSERIAL PRIMARY KEY,
    report_id   UUID NOT NULL REFERENCES reports (id),
    kind        TEXT NOT NULL,
    from_status TEXT,
    to_status   TEXT,
    actor_id    UUID REFERENCES users (id),
    unit_code   TEXT REFERENCES handling_units (code),
    note        TEXT,
    public      BOOLEAN NOT NULL DEFAULT false,
    at          TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX report_events_by_report ON report_events (report_id, at, id);
