DROP TABLE jobs;
DROP TABLE response_templates;
DROP TABLE ratings;
DROP TABLE sla_policies;
DROP TABLE holidays;
ALTER TABLE report_events DROP CONSTRAINT report_events_note_length;
ALTER TABLE report_events DROP COLUMN assignee_id, DROP COLUMN related_id, DROP COLUMN from_unit, DROP COLUMN public_note;
DROP INDEX reports_by_due;
DROP INDEX reports_inbox;
ALTER TABLE reports
    DROP CONSTRAINT reports_not_own_duplicate,
    DROP COLUMN public_answer, DROP COLUMN duplicate_of, DROP COLUMN hops, DROP COLUMN assignee_id,
    DROP COLUMN escalation_level, DROP COLUMN paused_at, DROP COLUMN due_at,
    DROP COLUMN resolve_due_at, DROP COLUMN accept_due_at, DROP COLUMN sla_origin,
    DROP COLUMN sla_clock, DROP COLUMN urgent;
