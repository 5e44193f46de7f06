-- Search that reads Vietnamese (issue 17): text folded for diacritics, so that "ngap nuoc" finds
-- "ngập nước" and "duong" finds "đường", and matched by trigrams, which also forgive a typo.
-- Both extensions are PostgreSQL's contrib, and trusted: a database owner may create them.
CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public;
CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;

-- Lower case without diacritics; đ and Đ are mapped to d explicitly (a rules file without them
-- would leave "đường" unfound by "duong"). Declared immutable so that a stored column and an
-- index may use it: the dictionary is named, so the answer does not depend on a search path.
CREATE FUNCTION ht_fold(text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, translate($1, 'đĐ', 'dD'))) $$;

-- What a report is found by: its description, its address and the unit's public answer, folded.
-- Kept by the database itself as they change.
ALTER TABLE reports ADD COLUMN search_text TEXT GENERATED ALWAYS AS (
    ht_fold(description || ' ' || coalesce(address, '') || ' ' || coalesce(public_answer, ''))
) STORED;
CREATE INDEX reports_search_text ON reports USING gin (search_text public.gin_trgm_ops);
