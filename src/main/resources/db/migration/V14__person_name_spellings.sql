-- Person names as people type them. English writes the Azerbaijani schwa as e (Vəliyev, Veliyev) as often as a
-- (Əliyev, Aliyev), so a name with one is found by both spellings; a run of spaces reads as one space, and a hyphen
-- between names as a space (Zola-Ørsted is found by "zola orsted"). PersonNames folds the same way when an import
-- matches the names of a release to recorded persons.
CREATE OR REPLACE FUNCTION attache_fold(value text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT regexp_replace(lower(public.unaccent('public.unaccent'::regdictionary, public.attache_letters(value))),
                              '[[:space:]‐‑-]+', ' ', 'g') $$;

-- A name as the person search and the import's matching read it: folded, and with a schwa, in both spellings.
CREATE OR REPLACE FUNCTION attache_name_fold(value text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT CASE WHEN value ~ '[əƏ]'
                    THEN public.attache_fold(value) || ' | ' || public.attache_fold(translate(value, 'əƏ', 'aA'))
                    ELSE public.attache_fold(value) END $$;

DROP INDEX person_name_fold_idx;
CREATE INDEX person_name_fold_idx ON person USING gin (attache_name_fold(full_name) gin_trgm_ops);
