-- Abuse limits (hientruong_domain::limits), shared by every server process: one row per budget
-- key and quota, holding the quota's "theoretical arrival time" of the generic cell rate
-- algorithm. A use is allowed while that time, advanced by one interval, stays within one period
-- of now. Rows whose time has passed are spent budgets nobody needs: the worker deletes them.
-- UNLOGGED: written on many requests, worthless after a crash (limits start afresh), and not
-- wanted on replicas.
CREATE UNLOGGED TABLE rate_limits (
    key TEXT NOT NULL,
    tat TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (key)
);
CREATE INDEX rate_limits_tat ON rate_limits (tat);

-- Failed logins are counted per (login, client address) in rate_limits now, so that a stranger
-- cannot lock someone else's account: the per-account counter goes.
ALTER TABLE users DROP COLUMN failed_logins;
ALTER TABLE users DROP COLUMN locked_until;
