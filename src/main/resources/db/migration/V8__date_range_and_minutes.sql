-- The dates a record may carry (TemporalScalars.EARLIEST/LATEST, refused with a field-level VALIDATION before any SQL
-- runs) and agenda times kept to the minute, as backstops for writers other than the API. NOT VALID: rows stored
-- before are left as they are; every new or changed row is checked.
ALTER TABLE delegation ADD CONSTRAINT delegation_dates_in_range
  CHECK (start_date BETWEEN DATE '1900-01-01' AND DATE '2100-12-31'
         AND (end_date IS NULL OR end_date BETWEEN DATE '1900-01-01' AND DATE '2100-12-31')) NOT VALID;
ALTER TABLE delegation_source ADD CONSTRAINT delegation_source_date_in_range
  CHECK (published_on BETWEEN DATE '1900-01-01' AND DATE '2100-12-31') NOT VALID;
ALTER TABLE agenda_item ADD CONSTRAINT agenda_item_date_in_range
  CHECK (item_date BETWEEN DATE '1900-01-01' AND DATE '2100-12-31') NOT VALID;
ALTER TABLE agenda_item ADD CONSTRAINT agenda_item_time_in_minutes
  CHECK (extract(second FROM start_time) = 0) NOT VALID;
ALTER TABLE award ADD CONSTRAINT award_date_in_range
  CHECK (conferred_on BETWEEN DATE '1900-01-01' AND DATE '2100-12-31') NOT VALID;
