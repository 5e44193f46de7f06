-- Indexes that let the statistics read a period of a million-ticket history from the indexes
-- alone (index-only scans): each covers one part of the figures, keyed by that part's time.

-- Reports received in a period, with what the figures group and count them by.
CREATE INDEX reports_statistics ON reports (created_at)
    INCLUDE (commune_code, unit_code, category_code, status, reporter_id);
-- The open backlog (a few thousand rows among a million).
CREATE INDEX reports_open ON reports (created_at)
    INCLUDE (commune_code, unit_code, category_code, due_at)
    WHERE status NOT IN ('resolved', 'closed', 'rejected', 'duplicate');
-- Tickets stored before deadlines existed, which `serve` looks for at every start.
CREATE INDEX reports_without_deadlines ON reports (id) WHERE sla_origin IS NULL;

DROP INDEX ticket_facts_received;
DROP INDEX ticket_facts_resolved;
CREATE INDEX ticket_facts_received ON ticket_facts (received_at)
    INCLUDE (commune_code, unit_code, category_code, transfers, reopens, resolved_at);
CREATE INDEX ticket_facts_resolved ON ticket_facts (resolved_at)
    INCLUDE (commune_code, unit_code, category_code, resolved_on_time, resolve_working_s, resolve_wall_s)
    WHERE resolved_at IS NOT NULL;
CREATE INDEX ticket_facts_accepted ON ticket_facts (accepted_at)
    INCLUDE (commune_code, unit_code, category_code, accept_working_s, accept_wall_s)
    WHERE accepted_at IS NOT NULL;
CREATE INDEX ticket_facts_rated ON ticket_facts (rated_at)
    INCLUDE (commune_code, unit_code, category_code, rating)
    WHERE rated_at IS NOT NULL;

-- Registered residents before a date: the basis of participation.
CREATE INDEX users_residents ON users (created_at) WHERE role = 'resident';
