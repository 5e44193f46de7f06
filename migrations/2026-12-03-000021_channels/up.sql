-- How each report came in (the statistics by channel), and the hotline's callers.
-- `app`: a phone app through the residents' API; `web`: the residents' web app; `open311`: a
-- client application; `hotline`: an IOC operator entering a call. Reports before this migration
-- were all `app`, except Open311's postings (those with a submission record).
ALTER TABLE reports ADD COLUMN channel TEXT NOT NULL DEFAULT 'app'
    CHECK (channel IN ('app', 'web', 'open311', 'hotline'));
UPDATE reports SET channel = 'open311' WHERE id IN (SELECT report_id FROM report_submissions);
-- The statistics aggregate ticket_facts: they carry the channel too.
ALTER TABLE ticket_facts ADD COLUMN channel TEXT NOT NULL DEFAULT 'app';
UPDATE ticket_facts f SET channel = r.channel FROM reports r
    WHERE r.id = f.report_id AND r.channel <> 'app';

-- Who called the hotline about a report: the report's contact, seen only by those who may know
-- who reported (IOC operators, administrators); the operator who took the call is the reporter.
CREATE TABLE report_callers (
    report_id UUID PRIMARY KEY REFERENCES reports (id) ON DELETE CASCADE,
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    phone TEXT NOT NULL CHECK (phone ~ '^\+84[0-9]{9,10}$')
);
