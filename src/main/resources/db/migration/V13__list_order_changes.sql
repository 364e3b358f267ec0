-- An ordered list that an update reorders ([KAZ, AZE] -> [AZE, TUR]) is written row by row in place, so one row briefly
-- holds a value another still has. The keys of these lists are checked at commit, when the list is whole again (the
-- services refuse duplicates before that, with the field named).
ALTER TABLE delegation_country DROP CONSTRAINT delegation_country_pkey,
  ADD PRIMARY KEY (delegation_id, country_code) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE agreement_party DROP CONSTRAINT agreement_party_pkey,
  ADD PRIMARY KEY (agreement_id, country_code) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE agreement_signatory DROP CONSTRAINT agreement_signatory_pkey,
  ADD PRIMARY KEY (agreement_id, person_id) DEFERRABLE INITIALLY DEFERRED;
