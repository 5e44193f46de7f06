DROP INDEX report_events_public_changes;
DROP TABLE report_submissions;
DROP TABLE category_questions;
ALTER TABLE categories DROP COLUMN group_en;
ALTER TABLE categories DROP COLUMN group_vi;
DROP TABLE api_keys;
-- Client accounts stay (reports refer to them), as disabled residents.
UPDATE users SET role = 'resident' WHERE role = 'client';
ALTER TABLE users DROP CONSTRAINT users_client_disabled;
ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check
    CHECK (role IN ('resident', 'officer', 'unit_manager', 'ioc_operator', 'admin'));
