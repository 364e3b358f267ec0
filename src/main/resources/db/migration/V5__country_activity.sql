-- Per-country totals for dashboards (Country.hostedCount, sentCount, awardsConferredCount). Counting them on every
-- request would read every visit and award, so triggers keep them in the same transaction as each change; reading
-- them is one index lookup per country however many visits there are.
CREATE TABLE country_activity (
  country_code      varchar(3) PRIMARY KEY REFERENCES country (code) ON DELETE CASCADE,
  hosted            integer NOT NULL DEFAULT 0,
  sent              integer NOT NULL DEFAULT 0,
  awards_conferred  integer NOT NULL DEFAULT 0
);

-- Applies changes to several countries' totals in one statement, in code order: two transactions that touch the same
-- countries then lock their rows in the same order and cannot deadlock.
CREATE OR REPLACE FUNCTION country_activity_apply(changes jsonb) RETURNS void
  LANGUAGE sql AS $$
  INSERT INTO country_activity AS a (country_code, hosted, sent, awards_conferred)
  SELECT c.code, sum(c.hosted), sum(c.sent), sum(c.conferred)
  FROM jsonb_to_recordset(changes) AS c(code varchar, hosted integer, sent integer, conferred integer)
  GROUP BY c.code
  ORDER BY c.code
  ON CONFLICT (country_code) DO UPDATE SET hosted = a.hosted + EXCLUDED.hosted, sent = a.sent + EXCLUDED.sent,
    awards_conferred = a.awards_conferred + EXCLUDED.awards_conferred
$$;

CREATE OR REPLACE FUNCTION country_activity_on_visit() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  changes jsonb := '[]';
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    changes := changes || jsonb_build_array(
      jsonb_build_object('code', OLD.host_country_code, 'hosted', -1, 'sent', 0, 'conferred', 0),
      jsonb_build_object('code', OLD.visiting_country_code, 'hosted', 0, 'sent', -1, 'conferred', 0));
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    changes := changes || jsonb_build_array(
      jsonb_build_object('code', NEW.host_country_code, 'hosted', 1, 'sent', 0, 'conferred', 0),
      jsonb_build_object('code', NEW.visiting_country_code, 'hosted', 0, 'sent', 1, 'conferred', 0));
  END IF;
  PERFORM country_activity_apply(changes);
  RETURN NULL;
END $$;

CREATE TRIGGER country_activity_visit AFTER INSERT OR DELETE OR UPDATE OF host_country_code, visiting_country_code
  ON delegation FOR EACH ROW EXECUTE FUNCTION country_activity_on_visit();

CREATE OR REPLACE FUNCTION country_activity_on_award() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  changes jsonb := '[]';
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    changes := changes || jsonb_build_array(
      jsonb_build_object('code', OLD.conferred_by_code, 'hosted', 0, 'sent', 0, 'conferred', -1));
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    changes := changes || jsonb_build_array(
      jsonb_build_object('code', NEW.conferred_by_code, 'hosted', 0, 'sent', 0, 'conferred', 1));
  END IF;
  PERFORM country_activity_apply(changes);
  RETURN NULL;
END $$;

CREATE TRIGGER country_activity_award AFTER INSERT OR DELETE OR UPDATE OF conferred_by_code
  ON award FOR EACH ROW EXECUTE FUNCTION country_activity_on_award();

-- Recounts everything: for bulk loads that bypass triggers (bench/data.sql), and to start from the data already here.
CREATE OR REPLACE FUNCTION country_activity_rebuild() RETURNS void
  LANGUAGE sql AS $$
  DELETE FROM country_activity;
  INSERT INTO country_activity (country_code, hosted, sent, awards_conferred)
  SELECT c.code,
         (SELECT count(*) FROM delegation d WHERE d.host_country_code = c.code),
         (SELECT count(*) FROM delegation d WHERE d.visiting_country_code = c.code),
         (SELECT count(*) FROM award a WHERE a.conferred_by_code = c.code)
  FROM country c
  ORDER BY c.code
$$;

SELECT country_activity_rebuild();
