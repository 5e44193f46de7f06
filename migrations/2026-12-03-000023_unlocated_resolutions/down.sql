ALTER TABLE ticket_facts DROP COLUMN resolved_unlocated;
