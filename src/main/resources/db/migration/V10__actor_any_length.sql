-- Who made a change is the subject of their token, which an identity provider may make as long as it likes (some
-- put a URL or a DN there): with varchar(200), an editor whose subject was longer could not write at all (22001).
-- text costs the same in PostgreSQL for the short ones; the token's size is bounded by the HTTP header limit.
ALTER TABLE person      ALTER COLUMN created_by TYPE text, ALTER COLUMN updated_by TYPE text;
ALTER TABLE delegation  ALTER COLUMN created_by TYPE text, ALTER COLUMN updated_by TYPE text;
ALTER TABLE agenda_item ALTER COLUMN created_by TYPE text, ALTER COLUMN updated_by TYPE text;
ALTER TABLE award       ALTER COLUMN created_by TYPE text, ALTER COLUMN updated_by TYPE text;
ALTER TABLE topic       ALTER COLUMN created_by TYPE text, ALTER COLUMN updated_by TYPE text;
ALTER TABLE change_history ALTER COLUMN actor TYPE text;
