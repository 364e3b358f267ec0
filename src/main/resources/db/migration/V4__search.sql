-- Search: a full-text document per visit and accent-insensitive person names.
-- unaccent and pg_trgm are trusted extensions (PostgreSQL 13+): the database owner may create them.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- English stemming after accent folding, so "Kalinak" matches "Kaliňák" and "meeting" matches "meetings".
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'attache') THEN
    CREATE TEXT SEARCH CONFIGURATION attache (COPY = pg_catalog.english);
    ALTER TEXT SEARCH CONFIGURATION attache
      ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
  END IF;
END $$;

-- unaccent() is only STABLE (its dictionary could change); pinning the dictionary makes the fold safe to index.
CREATE OR REPLACE FUNCTION attache_fold(value text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, value)) $$;

CREATE INDEX person_name_fold_idx ON person USING gin (attache_fold(full_name) gin_trgm_ops);

-- The words a visit is found by, weighted: A title; B people and topics; C summary and agenda titles;
-- D agenda descriptions and places.
CREATE OR REPLACE FUNCTION delegation_search_document(visit bigint) RETURNS tsvector
  LANGUAGE sql STABLE
  AS $$
  SELECT setweight(to_tsvector('attache', d.title), 'A')
      || setweight(to_tsvector('attache', concat_ws(' ',
           (SELECT string_agg(p.full_name, ' ') FROM person p
             WHERE p.id = d.head_id
                OR p.id IN (SELECT m.person_id FROM delegation_participant m WHERE m.delegation_id = d.id)
                OR p.id IN (SELECT ip.person_id FROM agenda_item_participant ip
                              JOIN agenda_item i ON i.id = ip.agenda_item_id WHERE i.delegation_id = d.id)),
           (SELECT string_agg(t.label, ' ') FROM topic t
             WHERE t.slug IN (SELECT dt.topic_slug FROM delegation_topic dt WHERE dt.delegation_id = d.id)
                OR t.slug IN (SELECT it.topic_slug FROM agenda_item_topic it
                                JOIN agenda_item i ON i.id = it.agenda_item_id WHERE i.delegation_id = d.id)))), 'B')
      || setweight(to_tsvector('attache', concat_ws(' ', d.summary,
           (SELECT string_agg(i.title, ' ') FROM agenda_item i WHERE i.delegation_id = d.id))), 'C')
      || setweight(to_tsvector('attache', coalesce(
           (SELECT string_agg(concat_ws(' ', i.description, i.location), ' ') FROM agenda_item i
             WHERE i.delegation_id = d.id), '')), 'D')
  FROM delegation d WHERE d.id = visit
$$;

ALTER TABLE delegation ADD COLUMN search_document tsvector NOT NULL DEFAULT ''::tsvector;
CREATE INDEX delegation_search_idx ON delegation USING gin (search_document);
CREATE INDEX delegation_updated_idx ON delegation (updated_at, id);

-- Triggers keep the document true whoever writes: the API, a bulk load, or an operator's SQL.
CREATE OR REPLACE FUNCTION delegation_search_refresh(visits bigint[]) RETURNS void
  LANGUAGE sql
  AS $$ UPDATE delegation SET search_document = delegation_search_document(id) WHERE id = ANY (visits) $$;

CREATE OR REPLACE FUNCTION delegation_search_on_visit() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM delegation_search_refresh(ARRAY[NEW.id]);
  RETURN NULL;
END $$;

CREATE TRIGGER delegation_search_visit AFTER INSERT OR UPDATE OF title, summary, head_id ON delegation
  FOR EACH ROW EXECUTE FUNCTION delegation_search_on_visit();

-- For rows that name their visit in delegation_id (participants, topics, agenda items).
CREATE OR REPLACE FUNCTION delegation_search_on_child() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM delegation_search_refresh(ARRAY[OLD.delegation_id]);
  ELSE
    PERFORM delegation_search_refresh(ARRAY[NEW.delegation_id]);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER delegation_search_participant AFTER INSERT OR UPDATE OR DELETE ON delegation_participant
  FOR EACH ROW EXECUTE FUNCTION delegation_search_on_child();
CREATE TRIGGER delegation_search_topic AFTER INSERT OR DELETE ON delegation_topic
  FOR EACH ROW EXECUTE FUNCTION delegation_search_on_child();
CREATE TRIGGER delegation_search_agenda AFTER INSERT OR DELETE OR UPDATE OF title, description, location ON agenda_item
  FOR EACH ROW EXECUTE FUNCTION delegation_search_on_child();

-- For rows that belong to an agenda item (its participants and topics).
CREATE OR REPLACE FUNCTION delegation_search_on_agenda_child() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  item bigint := CASE WHEN TG_OP = 'DELETE' THEN OLD.agenda_item_id ELSE NEW.agenda_item_id END;
BEGIN
  PERFORM delegation_search_refresh(ARRAY(SELECT delegation_id FROM agenda_item WHERE id = item));
  RETURN NULL;
END $$;

CREATE TRIGGER delegation_search_agenda_participant AFTER INSERT OR DELETE ON agenda_item_participant
  FOR EACH ROW EXECUTE FUNCTION delegation_search_on_agenda_child();
CREATE TRIGGER delegation_search_agenda_topic AFTER INSERT OR DELETE ON agenda_item_topic
  FOR EACH ROW EXECUTE FUNCTION delegation_search_on_agenda_child();

-- Renaming a person or a topic changes the documents of every visit that mentions them.
CREATE OR REPLACE FUNCTION delegation_search_on_person() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM delegation_search_refresh(ARRAY(
    SELECT id FROM delegation WHERE head_id = NEW.id
    UNION SELECT delegation_id FROM delegation_participant WHERE person_id = NEW.id
    UNION SELECT i.delegation_id FROM agenda_item_participant ip JOIN agenda_item i ON i.id = ip.agenda_item_id
           WHERE ip.person_id = NEW.id));
  RETURN NULL;
END $$;

CREATE TRIGGER delegation_search_person AFTER UPDATE OF full_name ON person
  FOR EACH ROW WHEN (OLD.full_name IS DISTINCT FROM NEW.full_name)
  EXECUTE FUNCTION delegation_search_on_person();

CREATE OR REPLACE FUNCTION delegation_search_on_topic() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM delegation_search_refresh(ARRAY(
    SELECT delegation_id FROM delegation_topic WHERE topic_slug = NEW.slug
    UNION SELECT i.delegation_id FROM agenda_item_topic it JOIN agenda_item i ON i.id = it.agenda_item_id
           WHERE it.topic_slug = NEW.slug));
  RETURN NULL;
END $$;

CREATE TRIGGER delegation_search_topic_label AFTER UPDATE OF label ON topic
  FOR EACH ROW WHEN (OLD.label IS DISTINCT FROM NEW.label)
  EXECUTE FUNCTION delegation_search_on_topic();
