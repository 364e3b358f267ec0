-- Search as analysts type, and names in the order people read them, whatever the database's default collation.

-- Letters unaccent leaves alone although readers type them plainly: Azerbaijani schwa (Gəncə is searched as Gence).
-- Schema-qualified where an index uses it: PostgreSQL 17 runs index expressions with a search_path of pg_catalog only.
CREATE OR REPLACE FUNCTION attache_letters(value text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT translate(value, 'əƏ', 'eE') $$;

CREATE OR REPLACE FUNCTION attache_fold(value text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, public.attache_letters(value))) $$;
REINDEX INDEX person_name_fold_idx;

CREATE OR REPLACE FUNCTION delegation_search_document(visit bigint) RETURNS tsvector
  LANGUAGE sql STABLE
  AS $$
  SELECT setweight(to_tsvector('attache', attache_letters(d.title)), 'A')
      || setweight(to_tsvector('attache', attache_letters(concat_ws(' ',
           (SELECT string_agg(p.full_name, ' ') FROM person p
             WHERE p.id = d.head_id
                OR p.id IN (SELECT m.person_id FROM delegation_participant m WHERE m.delegation_id = d.id)
                OR p.id IN (SELECT ip.person_id FROM agenda_item_participant ip
                              JOIN agenda_item i ON i.id = ip.agenda_item_id WHERE i.delegation_id = d.id)),
           (SELECT string_agg(t.label, ' ') FROM topic t
             WHERE t.slug IN (SELECT dt.topic_slug FROM delegation_topic dt WHERE dt.delegation_id = d.id)
                OR t.slug IN (SELECT it.topic_slug FROM agenda_item_topic it
                                JOIN agenda_item i ON i.id = it.agenda_item_id WHERE i.delegation_id = d.id))))), 'B')
      || setweight(to_tsvector('attache', attache_letters(concat_ws(' ', d.summary,
           (SELECT string_agg(i.title, ' ') FROM agenda_item i WHERE i.delegation_id = d.id)))), 'C')
      || setweight(to_tsvector('attache', attache_letters(coalesce(
           (SELECT string_agg(concat_ws(' ', i.description, i.location), ' ') FROM agenda_item i
             WHERE i.delegation_id = d.id), ''))), 'D')
  FROM delegation d WHERE d.id = visit
$$;
UPDATE delegation SET search_document = delegation_search_document(id);

-- What filter.text finds: web-search syntax as before ("quoted phrase", or, -word), each word folded and stemmed as
-- the documents are and matched as a prefix (Kamal finds Kamaletdinov). A hyphen or underscore inside a word also
-- separates words, so a topic's slug finds its label: such text matches as written or split (a code such as
-- zeugma-9e4a tokenises differently once split). NULL when no word is left to search for (stop words only): the
-- service then applies no text condition, as for blank text.
CREATE OR REPLACE FUNCTION attache_search_query(search text) RETURNS tsquery
  LANGUAGE sql STABLE STRICT PARALLEL SAFE
  AS $$
  SELECT CASE WHEN numnode(q) = 0 THEN NULL
              ELSE regexp_replace(q::text, '''(?:[^'']|'''')*''', '\&:*', 'g')::tsquery END
  FROM (SELECT CASE WHEN split = written THEN websearch_to_tsquery('attache', written)
                    ELSE websearch_to_tsquery('attache', written) || websearch_to_tsquery('attache', split) END AS q
          FROM (SELECT attache_letters(search) AS written,
                       regexp_replace(attache_letters(search), '([^\s-])[-_]+(?=[^\s-])', '\1 ', 'g') AS split) t) s
$$;

-- Names sort by the Unicode root collation (Åland Islands before Zimbabwe, Türkiye before Tuvalu), not byte order.
CREATE COLLATION IF NOT EXISTS attache_name (provider = icu, locale = 'und');
ALTER TABLE country ALTER COLUMN name TYPE varchar(100) COLLATE attache_name;
-- The search triggers name these columns in their WHEN clauses, which forbids the change while they exist.
DROP TRIGGER delegation_search_person ON person;
DROP TRIGGER delegation_search_topic_label ON topic;
ALTER TABLE person ALTER COLUMN full_name TYPE varchar(200) COLLATE attache_name;
ALTER TABLE topic ALTER COLUMN label TYPE varchar(120) COLLATE attache_name;
CREATE TRIGGER delegation_search_person AFTER UPDATE OF full_name ON person
  FOR EACH ROW WHEN (OLD.full_name IS DISTINCT FROM NEW.full_name)
  EXECUTE FUNCTION delegation_search_on_person();
CREATE TRIGGER delegation_search_topic_label AFTER UPDATE OF label ON topic
  FOR EACH ROW WHEN (OLD.label IS DISTINCT FROM NEW.label)
  EXECUTE FUNCTION delegation_search_on_topic();
