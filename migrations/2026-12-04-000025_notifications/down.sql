DELETE FROM jobs WHERE kind IN ('push', 'alert_digest');
DROP TABLE alert_sent;
DROP TABLE alert_pending;
DROP TABLE alerts;
ALTER TABLE jobs DROP CONSTRAINT jobs_kind_check;
ALTER TABLE jobs ADD CONSTRAINT jobs_kind_check
    CHECK (kind IN ('escalate', 'email', 'account_email', 'sms'));
DROP INDEX users_unsubscribe_token;
ALTER TABLE users DROP COLUMN unsubscribe_token;
DROP TABLE notification_preferences;
DROP TABLE push_subscriptions;
ALTER TABLE users DROP COLUMN notifications_read_to;
DROP TABLE notifications;
