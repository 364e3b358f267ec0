-- Initials as releases write them: "J.J. Mkunda", "J. J. Mkunda" and "J J Mkunda" are one spelling, as PersonNames
-- folds them when an import matches names; a dot reads as a space, and the ends are trimmed ("Mkunda." is "mkunda").
CREATE OR REPLACE FUNCTION attache_fold(value text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT btrim(regexp_replace(lower(public.unaccent('public.unaccent'::regdictionary, public.attache_letters(value))),
                                    '[.[:space:]‐‑-]+', ' ', 'g')) $$;

-- The index holds the names as the old fold read them.
REINDEX INDEX person_name_fold_idx;
