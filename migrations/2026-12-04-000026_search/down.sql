DROP INDEX reports_search_text;
ALTER TABLE reports DROP COLUMN search_text;
DROP FUNCTION ht_fold(text);
DROP EXTENSION IF EXISTS pg_trgm;
DROP EXTENSION IF EXISTS unaccent;
