CREATE INDEX users_residents ON users (created_at) WHERE role = 'resident';
DROP TRIGGER users_count_resident_signups ON users;
DROP FUNCTION count_resident_signups();
DROP TABLE resident_signups;
