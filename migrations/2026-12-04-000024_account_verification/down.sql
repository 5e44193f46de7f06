ALTER TABLE users DROP COLUMN verified_at;
DELETE FROM account_codes WHERE purpose <> 'password_reset';
DROP INDEX account_codes_open;
ALTER TABLE account_codes DROP COLUMN purpose;
CREATE INDEX password_resets_open ON account_codes (user_id) WHERE used_at IS NULL;
ALTER INDEX account_codes_pkey RENAME TO password_resets_pkey;
ALTER SEQUENCE account_codes_id_seq RENAME TO password_resets_id_seq;
ALTER TABLE account_codes RENAME TO password_resets;
