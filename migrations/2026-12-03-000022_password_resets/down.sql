DELETE FROM jobs WHERE kind IN ('account_email', 'sms');
ALTER TABLE jobs DROP CONSTRAINT jobs_kind_check;
ALTER TABLE jobs ADD CONSTRAINT jobs_kind_check CHECK (kind IN ('escalate', 'email'));
DROP TABLE password_resets;
