-- On top of bench/data.sql: the shape real use takes and the issue-18 attack feeds on. A few people lead hundreds of
-- visits (persons 1-3 lead 600 each) and sit in thousands of delegations (every visit has 6 members, 1-3 among them).
\set ON_ERROR_STOP on
BEGIN;
SET LOCAL session_replication_role = replica;
UPDATE delegation SET head_id = 1 + id % 3 WHERE id <= 1800;
INSERT INTO delegation_participant (delegation_id, person_id, side, role, position, ordinal)
SELECT d.id, p.person_id, 'MEMBER', CASE WHEN p.ordinal = 0 THEN 'head of delegation' ELSE 'member' END,
       'Post of person ' || p.person_id, p.ordinal
FROM delegation d,
LATERAL (SELECT DISTINCT ON (person_id) person_id, ordinal
         FROM (VALUES (1, 0), (2, 1), (3, 2), (4 + d.id % 1990, 3), (5 + (d.id * 7) % 1990, 4), (6 + (d.id * 13) % 1990, 5))
              AS m(person_id, ordinal) ORDER BY person_id, ordinal) p;
UPDATE delegation SET search_document = delegation_search_document(id);
COMMIT;
VACUUM ANALYZE delegation, delegation_participant;
