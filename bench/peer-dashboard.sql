-- The PostGraphile peer's schema (../shared/peer, schema dd) extended with what a dashboard's reads show and the
-- peer leaves out, filled as bench/dashboard-data.sql fills Attaché's own tables (deterministic, no random()): per
-- visit two members and one host (persons of the visiting and host countries), two of five topics, one other country
-- every fifth visit, and a source; a kind for visits and awards, a title for people. Idempotent; run on database
-- "peer" after its setup.sh.
\set ON_ERROR_STOP on
SET search_path = dd;
DROP TABLE IF EXISTS delegation_participant, delegation_topic, topic, delegation_country, delegation_source;
ALTER TABLE delegation ADD COLUMN IF NOT EXISTS kind text NOT NULL DEFAULT 'OFFICIAL_VISIT',
  ADD COLUMN IF NOT EXISTS status text NOT NULL DEFAULT 'COMPLETED';
ALTER TABLE award ADD COLUMN IF NOT EXISTS kind text NOT NULL DEFAULT 'MEDAL', ADD COLUMN IF NOT EXISTS grade text;
ALTER TABLE person ADD COLUMN IF NOT EXISTS title text;

CREATE TABLE delegation_participant (
  id            serial  PRIMARY KEY,
  delegation_id integer NOT NULL REFERENCES delegation(id),
  person_id     integer NOT NULL REFERENCES person(id),
  side          text    NOT NULL,
  role          text,
  position      text,
  ordinal       integer NOT NULL
);
CREATE INDEX delegation_participant_delegation_idx ON delegation_participant(delegation_id, side, ordinal);
CREATE INDEX delegation_participant_person_idx ON delegation_participant(person_id);
CREATE TABLE topic (slug text PRIMARY KEY, label text NOT NULL);
CREATE TABLE delegation_topic (
  delegation_id integer NOT NULL REFERENCES delegation(id),
  topic_slug    text    NOT NULL REFERENCES topic(slug),
  PRIMARY KEY (delegation_id, topic_slug)
);
CREATE INDEX delegation_topic_topic_idx ON delegation_topic(topic_slug);
CREATE TABLE delegation_country (
  delegation_id integer NOT NULL REFERENCES delegation(id),
  country_id    integer NOT NULL REFERENCES country(id),
  ordinal       integer NOT NULL,
  PRIMARY KEY (delegation_id, ordinal)
);
CREATE INDEX delegation_country_country_idx ON delegation_country(country_id);
CREATE TABLE delegation_source (
  id            serial  PRIMARY KEY,
  delegation_id integer NOT NULL REFERENCES delegation(id),
  outlet        text    NOT NULL,
  url           text,
  published_on  date,
  ordinal       integer NOT NULL
);
CREATE INDEX delegation_source_delegation_idx ON delegation_source(delegation_id, ordinal);

INSERT INTO topic VALUES ('education', 'Military education'), ('exercises', 'Joint exercises'),
  ('industry', 'Defence industry'), ('medicine', 'Military medicine'), ('peacekeeping', 'Peacekeeping');
INSERT INTO delegation_participant (delegation_id, person_id, side, role, position, ordinal)
SELECT d.id, p.id, 'MEMBER', (ARRAY['adviser', 'military attache'])[s], p.position, s
FROM delegation d, generate_series(1, 2) s,
LATERAL (SELECT id, position FROM person WHERE country_id = d.visiting_country_id AND id <> d.leader_id
         ORDER BY id OFFSET (d.id + s) % 30 LIMIT 1) p
UNION ALL
SELECT d.id, p.id, 'HOST', 'received the delegation', p.position, 3
FROM delegation d,
LATERAL (SELECT id, position FROM person WHERE country_id = d.host_country_id ORDER BY id OFFSET d.id % 40 LIMIT 1) p;
INSERT INTO delegation_topic SELECT d.id, t.slug FROM delegation d,
LATERAL (SELECT slug FROM topic ORDER BY slug OFFSET d.id % 5 LIMIT 2) t;
INSERT INTO delegation_country SELECT d.id, c.id, 0 FROM delegation d,
LATERAL (SELECT id FROM country WHERE id NOT IN (d.visiting_country_id, d.host_country_id)
         ORDER BY iso_code OFFSET d.id % 40 LIMIT 1) c
WHERE d.id % 5 = 0;
INSERT INTO delegation_source (delegation_id, outlet, url, published_on, ordinal)
SELECT d.id, 'Ministry of Defence', 'https://mod.example/news/' || d.id, d.start_date, 0 FROM delegation d;
-- The pages' orders, indexed as Attaché's migrations index them (V1, V6).
CREATE INDEX IF NOT EXISTS award_conferred_by_on_idx ON award(conferred_by_country_id, conferred_on);
CREATE INDEX IF NOT EXISTS person_name_idx ON person(full_name, id);
VACUUM ANALYZE delegation, award, person, delegation_participant, topic, delegation_topic, delegation_country,
  delegation_source;
