DROP TABLE report_callers;
ALTER TABLE ticket_facts DROP COLUMN channel;
ALTER TABLE reports DROP COLUMN channel;
