-- What bench/data.sql leaves empty and a dashboard's page of visits shows, deterministic (no random()): per visit
-- two members and one host (persons of the visiting and host countries), two of the seeded topics, one other country
-- every fifth visit, and a source; per agenda item a topic and an honour. Run after bench/data.sql.
\set ON_ERROR_STOP on
BEGIN;
SET LOCAL session_replication_role = replica;
INSERT INTO delegation_participant (delegation_id, person_id, side, role, position, ordinal)
SELECT d.id, p.id, 'MEMBER', (ARRAY['adviser', 'military attache'])[s], p.position, s
FROM delegation d, generate_series(1, 2) s,
LATERAL (SELECT id, position FROM person WHERE country_code = d.visiting_country_code AND id <> d.head_id
         ORDER BY id OFFSET (d.id + s) % 30 LIMIT 1) p
UNION ALL
SELECT d.id, p.id, 'HOST', 'received the delegation', p.position, 3
FROM delegation d,
LATERAL (SELECT id, position FROM person WHERE country_code = d.host_country_code ORDER BY id OFFSET d.id % 40 LIMIT 1) p;
INSERT INTO delegation_topic (delegation_id, topic_slug)
SELECT d.id, t.slug FROM delegation d,
LATERAL (SELECT slug FROM topic ORDER BY slug OFFSET d.id % 5 LIMIT 2) t;
INSERT INTO delegation_country (delegation_id, country_code, ordinal)
SELECT d.id, c.code, 0 FROM delegation d,
LATERAL (SELECT code FROM country WHERE code NOT IN (d.visiting_country_code, d.host_country_code)
         ORDER BY code OFFSET d.id % 40 LIMIT 1) c
WHERE d.id % 5 = 0;
INSERT INTO delegation_source (delegation_id, outlet, url, title, published_on, ordinal)
SELECT d.id, 'Ministry of Defence', 'https://mod.example/news/' || d.id, d.title, d.start_date, 0 FROM delegation d;
INSERT INTO agenda_item_topic (agenda_item_id, topic_slug)
SELECT i.id, (SELECT slug FROM topic ORDER BY slug OFFSET i.id % 5 LIMIT 1) FROM agenda_item i;
INSERT INTO agenda_item_honour (agenda_item_id, honour)
SELECT i.id, (ARRAY['WREATH', 'GUARD_OF_HONOUR', 'NATIONAL_ANTHEMS'])[1 + i.id % 3] FROM agenda_item i WHERE i.kind = 'WELCOME_CEREMONY';
SELECT setval(pg_get_serial_sequence('delegation_participant', 'id'), (SELECT max(id) + 1 FROM delegation_participant), false);
SELECT setval(pg_get_serial_sequence('delegation_source', 'id'), (SELECT max(id) + 1 FROM delegation_source), false);
COMMIT;
VACUUM ANALYZE delegation_participant, delegation_topic, delegation_country, delegation_source, agenda_item_topic, agenda_item_honour;
