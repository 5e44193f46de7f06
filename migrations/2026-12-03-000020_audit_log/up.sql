-- The audit log: every staff action that changes the platform's set-up or an account, or that
-- reveals personal data (a reporter's identity, a photo's original and metadata), one row each,
-- written in the same transaction as the change (or before the data is served). Append-only: a
-- trigger refuses UPDATE, DELETE and TRUNCATE, for the application and for anyone who connects as
-- it. Ticket actions are not repeated here: their events (report_events) are their audit trail.
-- The actor is kept by id without a foreign key, so that a row outlives the account it names.
CREATE TABLE audit_log (
    id BIGSERIAL PRIMARY KEY,
    at TIMESTAMPTZ NOT NULL DEFAULT now(),
    actor_id UUID NOT NULL,
    actor_role TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action ~ '^[a-z_]+\.[a-z_]+$'),
    target TEXT NOT NULL,
    detail JSONB NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_log_actor ON audit_log (actor_id, id);
CREATE INDEX audit_log_action ON audit_log (action, id);
CREATE INDEX audit_log_at ON audit_log (at);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
