-- Live changes: every committed change to a visit, an agenda item or an award is announced on the channel
-- attache_changes, which every replica LISTENs on (org.attache.live.ChangeFeed). PostgreSQL delivers a notification
-- only when its transaction commits (a rolled-back change announces nothing), whoever made it: any replica, a script,
-- psql. Payloads carry ids only, never records: which record, what happened, the visits and countries it concerns
-- before and after the change (so a subscriber can filter a deletion too). Subscribers load what they show.
CREATE FUNCTION attache_announce_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  before jsonb := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) - 'search_document' END;
  after jsonb := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) - 'search_document' END;
  visits jsonb[];
  countries text[];
BEGIN
  CASE TG_TABLE_NAME
    WHEN 'delegation' THEN
      visits := ARRAY[before->'id', after->'id'];
      countries := ARRAY[before->>'host_country_code', before->>'visiting_country_code',
                         after->>'host_country_code', after->>'visiting_country_code'];
    WHEN 'agenda_item' THEN
      visits := ARRAY[before->'delegation_id', after->'delegation_id'];
    WHEN 'award' THEN
      visits := ARRAY[before->'delegation_id', after->'delegation_id'];
      -- The country that conferred it and the recipient's.
      countries := ARRAY[before->>'conferred_by_code', after->>'conferred_by_code',
                         (SELECT country_code FROM person WHERE id = (before->>'recipient_id')::bigint),
                         (SELECT country_code FROM person WHERE id = (after->>'recipient_id')::bigint)];
  END CASE;
  PERFORM pg_notify('attache_changes', jsonb_build_object(
    'entity', TG_TABLE_NAME,
    'change', CASE TG_OP WHEN 'INSERT' THEN 'CREATED' WHEN 'UPDATE' THEN 'UPDATED' ELSE 'DELETED' END,
    'id', coalesce(after, before)->'id',
    'visits', (SELECT coalesce(jsonb_agg(DISTINCT v), '[]') FROM unnest(visits) v WHERE v IS NOT NULL AND v <> 'null'),
    'countries', (SELECT coalesce(jsonb_agg(DISTINCT c), '[]') FROM unnest(countries) c WHERE c IS NOT NULL))::text);
  RETURN NULL;
END $$;

-- A visit's own columns only: the search document, which other triggers refresh, is not a change of the visit.
-- Updates through the API always bump version (members, hosts, topics and sources are replaced with it).
CREATE TRIGGER delegation_announce AFTER INSERT OR DELETE OR UPDATE OF title, kind, status, visiting_country_code,
  host_country_code, head_id, start_date, end_date, summary, version ON delegation
  FOR EACH ROW EXECUTE FUNCTION attache_announce_change();
CREATE TRIGGER agenda_item_announce AFTER INSERT OR UPDATE OR DELETE ON agenda_item
  FOR EACH ROW EXECUTE FUNCTION attache_announce_change();
CREATE TRIGGER award_announce AFTER INSERT OR UPDATE OR DELETE ON award
  FOR EACH ROW EXECUTE FUNCTION attache_announce_change();
