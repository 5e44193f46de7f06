DROP TABLE ticket_facts;
ALTER TABLE report_events DROP COLUMN due_at;
