-- The PostGraphile peer's data shape (../shared/peer/data.sql) in Attaché's schema, deterministic (no random()).
-- psql -v visits=10000 -f bench/data.sql : 50 countries, 2,000 persons, :visits delegations (8 agenda items each,
-- an award for every even one). With more visits the same formulas repeat, so 1,000,000 is the 10,000 shape x 100.
-- Run on a database Attaché has migrated; it replaces every row, the ISO country list included (the peer has 50
-- countries of its own, and Q3 must answer with the same ones).
\set ON_ERROR_STOP on
BEGIN;
-- Bulk load: the triggers would recompute a visit's search document once per inserted row and bump the country totals
-- row by row; they are off for this transaction, and both are computed once at the end.
SET LOCAL session_replication_role = replica;
TRUNCATE award, agenda_item_topic, agenda_item_participant, agenda_item_honour, agenda_item, delegation_source,
         delegation_topic, delegation_participant, delegation, person, country RESTART IDENTITY CASCADE;

INSERT INTO country (code, name)
SELECT chr(65 + (g - 1) / 26 % 26) || chr(65 + (g - 1) % 26) || chr(65 + (g * 7) % 26), 'Country ' || lpad(g::text, 2, '0')
FROM generate_series(1, 50) g;

-- The peer's country ids are 1..50 in that order; codes stand in for them.
CREATE TEMP TABLE peer_country ON COMMIT DROP AS
SELECT g AS id, chr(65 + (g - 1) / 26 % 26) || chr(65 + (g - 1) % 26) || chr(65 + (g * 7) % 26) AS code
FROM generate_series(1, 50) g;

INSERT INTO person (id, full_name, rank, position, country_code)
SELECT g, 'Person ' || g,
       (ARRAY['General','Lieutenant General','Major General','Brigadier','Colonel','Admiral','Vice Admiral','Civilian'])[1 + g % 8],
       (ARRAY['Chief of Defence','Defence Attache','Deputy Minister','Director of Policy','Commander'])[1 + g % 5],
       (SELECT code FROM peer_country WHERE id = 1 + (g - 1) % 50)
FROM generate_series(1, 2000) g;

INSERT INTO delegation (id, title, kind, status, visiting_country_code, host_country_code, head_id, start_date, end_date, summary)
SELECT g, 'Delegation ' || g, 'OFFICIAL_VISIT', 'COMPLETED', vc.code, hc.code,
       v.visiting + 50 * ((g * 17) % 40),
       DATE '2015-01-01' + (g * 37) % 3650,
       DATE '2015-01-01' + (g * 37) % 3650 + 1 + g % 7,
       'Bilateral defence talks #' || g || ' covering training, procurement and exercises.'
FROM generate_series(1, :visits) g,
LATERAL (SELECT 1 + (g * 7) % 50 AS host,
                CASE WHEN 1 + (g * 13 + 3) % 50 = 1 + (g * 7) % 50
                     THEN 1 + (g * 13 + 4) % 50 ELSE 1 + (g * 13 + 3) % 50 END AS visiting) v
JOIN peer_country hc ON hc.id = v.host
JOIN peer_country vc ON vc.id = v.visiting;

-- The peer's starts_at (start date + 8 + 3s hours) split into Attaché's day and time; its kinds mapped onto Attaché's.
INSERT INTO agenda_item (id, delegation_id, kind, title, item_date, start_time, location, description)
SELECT (d.id - 1) * 8 + s, d.id,
       (ARRAY['MEETING','SITE_VISIT','BRIEFING','WELCOME_CEREMONY','OTHER','OTHER'])[1 + (d.id + s) % 6],
       'Agenda ' || d.id || '/' || s,
       (d.start_date + make_interval(hours => 8 + s * 3))::date,
       (d.start_date + make_interval(hours => 8 + s * 3))::time,
       'Location ' || (1 + (d.id * s) % 120),
       'Item ' || s || ' of delegation ' || d.id
FROM delegation d, generate_series(1, 8) s;

INSERT INTO award (id, name, kind, recipient_id, conferred_by_code, conferred_on, delegation_id)
SELECT d.id / 2,
       (ARRAY['Legion of Merit','Order of Military Merit','Distinguished Service Medal','Cross of Honour'])[1 + d.id % 4],
       'MEDAL', d.head_id, d.host_country_code, d.end_date, d.id
FROM delegation d
WHERE d.id % 2 = 0;

UPDATE delegation SET search_document = delegation_search_document(id);
SELECT country_activity_rebuild();

-- New rows recorded through the API get ids after the loaded ones.
SELECT setval(pg_get_serial_sequence('person', 'id'), (SELECT max(id) + 1 FROM person), false);
SELECT setval(pg_get_serial_sequence('delegation', 'id'), (SELECT max(id) + 1 FROM delegation), false);
SELECT setval(pg_get_serial_sequence('agenda_item', 'id'), (SELECT max(id) + 1 FROM agenda_item), false);
SELECT setval(pg_get_serial_sequence('award', 'id'), (SELECT max(id) + 1 FROM award), false);
COMMIT;
VACUUM ANALYZE country, person, delegation, agenda_item, award;
