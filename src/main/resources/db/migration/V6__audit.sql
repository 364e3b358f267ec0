-- Audit: who created and last changed each record, and an append-only history of every change made through the API.

ALTER TABLE person      ADD COLUMN created_by varchar(200) NOT NULL DEFAULT 'system',
                        ADD COLUMN updated_by varchar(200) NOT NULL DEFAULT 'system';
ALTER TABLE delegation  ADD COLUMN created_by varchar(200) NOT NULL DEFAULT 'system',
                        ADD COLUMN updated_by varchar(200) NOT NULL DEFAULT 'system';
ALTER TABLE agenda_item ADD COLUMN created_by varchar(200) NOT NULL DEFAULT 'system',
                        ADD COLUMN updated_by varchar(200) NOT NULL DEFAULT 'system';
ALTER TABLE award       ADD COLUMN created_by varchar(200) NOT NULL DEFAULT 'system',
                        ADD COLUMN updated_by varchar(200) NOT NULL DEFAULT 'system';
-- Topics were seeded by V3 ('system'); from now on admins add them.
ALTER TABLE topic       ADD COLUMN created_at timestamptz  NOT NULL DEFAULT now(),
                        ADD COLUMN created_by varchar(200) NOT NULL DEFAULT 'system',
                        ADD COLUMN updated_at timestamptz  NOT NULL DEFAULT now(),
                        ADD COLUMN updated_by varchar(200) NOT NULL DEFAULT 'system';

-- A record's state as the history keeps it: its row, plus what belongs to it (a visit's members, hosts, topics and
-- sources, the ids of its agenda items and awards; an agenda item's participants, topics and honours). NULL if absent.
CREATE FUNCTION attache_snapshot(entity text, key text) RETURNS jsonb LANGUAGE sql STABLE AS $$
  SELECT CASE entity
    WHEN 'Delegation' THEN (
      SELECT to_jsonb(d) - 'search_document' || jsonb_build_object(
        'members', (SELECT coalesce(jsonb_agg(jsonb_build_object('person_id', p.person_id, 'role', p.role,
                      'position', p.position) ORDER BY p.ordinal), '[]') FROM delegation_participant p
                    WHERE p.delegation_id = d.id AND p.side = 'MEMBER'),
        'hosts', (SELECT coalesce(jsonb_agg(jsonb_build_object('person_id', p.person_id, 'role', p.role,
                    'position', p.position) ORDER BY p.ordinal), '[]') FROM delegation_participant p
                  WHERE p.delegation_id = d.id AND p.side = 'HOST'),
        'topics', (SELECT coalesce(jsonb_agg(t.topic_slug ORDER BY t.topic_slug), '[]') FROM delegation_topic t
                   WHERE t.delegation_id = d.id),
        'sources', (SELECT coalesce(jsonb_agg(to_jsonb(s) - 'id' - 'delegation_id' ORDER BY s.ordinal), '[]')
                    FROM delegation_source s WHERE s.delegation_id = d.id),
        'agenda_item_ids', (SELECT coalesce(jsonb_agg(i.id ORDER BY i.id), '[]') FROM agenda_item i
                            WHERE i.delegation_id = d.id),
        'award_ids', (SELECT coalesce(jsonb_agg(a.id ORDER BY a.id), '[]') FROM award a WHERE a.delegation_id = d.id))
      FROM delegation d WHERE d.id = key::bigint)
    WHEN 'AgendaItem' THEN (
      SELECT to_jsonb(i) || jsonb_build_object(
        'participant_ids', (SELECT coalesce(jsonb_agg(p.person_id ORDER BY p.person_id), '[]')
                            FROM agenda_item_participant p WHERE p.agenda_item_id = i.id),
        'topics', (SELECT coalesce(jsonb_agg(t.topic_slug ORDER BY t.topic_slug), '[]') FROM agenda_item_topic t
                   WHERE t.agenda_item_id = i.id),
        'honours', (SELECT coalesce(jsonb_agg(h.honour ORDER BY h.honour), '[]') FROM agenda_item_honour h
                    WHERE h.agenda_item_id = i.id))
      FROM agenda_item i WHERE i.id = key::bigint)
    WHEN 'Award' THEN (SELECT to_jsonb(a) FROM award a WHERE a.id = key::bigint)
    WHEN 'Person' THEN (SELECT to_jsonb(p) FROM person p WHERE p.id = key::bigint)
    WHEN 'Topic' THEN (SELECT to_jsonb(t) FROM topic t WHERE t.slug = key)
  END
$$;

CREATE TABLE change_history (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  entity      varchar(20)  NOT NULL CHECK (entity IN ('Delegation', 'AgendaItem', 'Award', 'Person', 'Topic')),
  entity_id   varchar(64)  NOT NULL,
  operation   varchar(6)   NOT NULL CHECK (operation IN ('CREATE', 'UPDATE', 'DELETE')),
  actor       varchar(200) NOT NULL,
  changed_at  timestamptz  NOT NULL DEFAULT now(),
  before      jsonb,
  after       jsonb,
  CONSTRAINT change_history_states CHECK ((operation = 'CREATE') = (before IS NULL)
                                          AND (operation = 'DELETE') = (after IS NULL))
);
CREATE INDEX change_history_record_idx ON change_history (entity, entity_id, id);

-- Append-only, whoever connects: rows may be added, never changed or removed.
CREATE FUNCTION change_history_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'change_history is append-only' USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER change_history_no_update_or_delete BEFORE UPDATE OR DELETE ON change_history
  FOR EACH ROW EXECUTE FUNCTION change_history_refuse();
CREATE TRIGGER change_history_no_truncate BEFORE TRUNCATE ON change_history
  FOR EACH STATEMENT EXECUTE FUNCTION change_history_refuse();
