-- Search finds a visit by any word a person would type about it: the countries on every side by name or adjective
-- ("Kazakhstan", "Kazakh"), people on either side, places, agenda titles and kinds, honours, topics, awards and the
-- documents signed. Before, only titles, summaries, agenda texts, people and topics were searched.

-- A country's names and adjectives as readers type them. The service fills it at start from the curated country
-- list it extracts releases with (delegation/CountrySearchWords), so that list stays the one source.
ALTER TABLE country ADD COLUMN search_words text NOT NULL DEFAULT '';

CREATE OR REPLACE FUNCTION delegation_search_document(visit bigint) RETURNS tsvector
  LANGUAGE sql STABLE
  AS $$
  SELECT setweight(to_tsvector('attache', attache_letters(d.title)), 'A')
      || setweight(to_tsvector('attache', attache_letters(concat_ws(' ',
           (SELECT string_agg(concat_ws(' ', c.name, c.search_words), ' ') FROM country c
             WHERE c.code IN (d.visiting_country_code, d.host_country_code)
                OR c.code IN (SELECT dc.country_code FROM delegation_country dc WHERE dc.delegation_id = d.id)),
           (SELECT string_agg(p.full_name, ' ') FROM person p
             WHERE p.id = d.head_id
                OR p.id IN (SELECT m.person_id FROM delegation_participant m WHERE m.delegation_id = d.id)
                OR p.id IN (SELECT ip.person_id FROM agenda_item_participant ip
                              JOIN agenda_item i ON i.id = ip.agenda_item_id WHERE i.delegation_id = d.id)
                OR p.id IN (SELECT a.recipient_id FROM award a WHERE a.delegation_id = d.id)
                OR p.id IN (SELECT s.person_id FROM agreement_signatory s
                              JOIN agreement g ON g.id = s.agreement_id WHERE g.delegation_id = d.id)),
           (SELECT string_agg(t.label, ' ') FROM topic t
             WHERE t.slug IN (SELECT dt.topic_slug FROM delegation_topic dt WHERE dt.delegation_id = d.id)
                OR t.slug IN (SELECT it.topic_slug FROM agenda_item_topic it
                                JOIN agenda_item i ON i.id = it.agenda_item_id WHERE i.delegation_id = d.id))))), 'B')
      || setweight(to_tsvector('attache', attache_letters(concat_ws(' ', d.summary,
           (SELECT string_agg(concat_ws(' ', i.title, replace(lower(i.kind), '_', ' ')), ' ')
              FROM agenda_item i WHERE i.delegation_id = d.id),
           -- Honours as words: GUARD_OF_HONOUR is found by "guard of honour", WREATH by "wreath".
           (SELECT string_agg(replace(lower(h.honour), '_', ' '), ' ') FROM agenda_item_honour h
              JOIN agenda_item i ON i.id = h.agenda_item_id WHERE i.delegation_id = d.id),
           (SELECT string_agg(concat_ws(' ', a.name, a.grade, replace(lower(a.kind), '_', ' ')), ' ')
              FROM award a WHERE a.delegation_id = d.id),
           (SELECT string_agg(concat_ws(' ', g.title, lower(g.kind)), ' ')
              FROM agreement g WHERE g.delegation_id = d.id)))), 'C')
      || setweight(to_tsvector('attache', attache_letters(concat_ws(' ',
           (SELECT string_agg(concat_ws(' ', i.description, i.location), ' ') FROM agenda_item i
             WHERE i.delegation_id = d.id),
           (SELECT string_agg(concat_ws(' ', m.role, m.position), ' ') FROM delegation_participant m
             WHERE m.delegation_id = d.id),
           (SELECT string_agg(a.citation, ' ') FROM award a WHERE a.delegation_id = d.id)))), 'D')
  FROM delegation d WHERE d.id = visit
$$;

-- The countries of a visit are now part of its document.
DROP TRIGGER delegation_search_visit ON delegation;
CREATE TRIGGER delegation_search_visit
  AFTER INSERT OR UPDATE OF title, summary, head_id, visiting_country_code, host_country_code ON delegation
  FOR EACH ROW EXECUTE FUNCTION delegation_search_on_visit();
CREATE TRIGGER delegation_search_other_country AFTER INSERT OR DELETE ON delegation_country
  FOR EACH ROW EXECUTE FUNCTION delegation_search_on_child();
CREATE TRIGGER delegation_search_participant_words AFTER UPDATE OF role, position ON delegation_participant
  FOR EACH ROW EXECUTE FUNCTION delegation_search_on_child();
DROP TRIGGER delegation_search_agenda ON agenda_item;
CREATE TRIGGER delegation_search_agenda
  AFTER INSERT OR DELETE OR UPDATE OF title, kind, description, location ON agenda_item
  FOR EACH ROW EXECUTE FUNCTION delegation_search_on_child();
CREATE TRIGGER delegation_search_agenda_honour AFTER INSERT OR DELETE ON agenda_item_honour
  FOR EACH ROW EXECUTE FUNCTION delegation_search_on_agenda_child();

-- Awards and documents may move from one visit to another (or to none): both visits' documents change.
CREATE OR REPLACE FUNCTION delegation_search_on_visit_reference() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM delegation_search_refresh(ARRAY(
    SELECT v FROM unnest(ARRAY[CASE WHEN TG_OP <> 'INSERT' THEN OLD.delegation_id END,
                               CASE WHEN TG_OP <> 'DELETE' THEN NEW.delegation_id END]) v
     WHERE v IS NOT NULL));
  RETURN NULL;
END $$;

CREATE TRIGGER delegation_search_award
  AFTER INSERT OR DELETE OR UPDATE OF name, grade, kind, citation, recipient_id, delegation_id ON award
  FOR EACH ROW EXECUTE FUNCTION delegation_search_on_visit_reference();
CREATE TRIGGER delegation_search_agreement AFTER INSERT OR DELETE OR UPDATE OF title, kind, delegation_id ON agreement
  FOR EACH ROW EXECUTE FUNCTION delegation_search_on_visit_reference();

CREATE OR REPLACE FUNCTION delegation_search_on_signatory() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  document bigint := CASE WHEN TG_OP = 'DELETE' THEN OLD.agreement_id ELSE NEW.agreement_id END;
BEGIN
  PERFORM delegation_search_refresh(ARRAY(
    SELECT delegation_id FROM agreement WHERE id = document AND delegation_id IS NOT NULL));
  RETURN NULL;
END $$;

CREATE TRIGGER delegation_search_agreement_signatory AFTER INSERT OR DELETE ON agreement_signatory
  FOR EACH ROW EXECUTE FUNCTION delegation_search_on_signatory();

-- Renaming a person now also touches the visits where they received an award or signed a document.
CREATE OR REPLACE FUNCTION delegation_search_on_person() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM delegation_search_refresh(ARRAY(
    SELECT id FROM delegation WHERE head_id = NEW.id
    UNION SELECT delegation_id FROM delegation_participant WHERE person_id = NEW.id
    UNION SELECT i.delegation_id FROM agenda_item_participant ip JOIN agenda_item i ON i.id = ip.agenda_item_id
           WHERE ip.person_id = NEW.id
    UNION SELECT delegation_id FROM award WHERE recipient_id = NEW.id AND delegation_id IS NOT NULL
    UNION SELECT g.delegation_id FROM agreement_signatory s JOIN agreement g ON g.id = s.agreement_id
           WHERE s.person_id = NEW.id AND g.delegation_id IS NOT NULL));
  RETURN NULL;
END $$;

-- A country's words change (the service's start fills them): every visit it takes part in.
CREATE OR REPLACE FUNCTION delegation_search_on_country() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM delegation_search_refresh(ARRAY(
    SELECT id FROM delegation WHERE visiting_country_code = NEW.code OR host_country_code = NEW.code
    UNION SELECT delegation_id FROM delegation_country WHERE country_code = NEW.code));
  RETURN NULL;
END $$;

CREATE TRIGGER delegation_search_country AFTER UPDATE OF name, search_words ON country
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.search_words IS DISTINCT FROM NEW.search_words)
  EXECUTE FUNCTION delegation_search_on_country();

UPDATE delegation SET search_document = delegation_search_document(id);
