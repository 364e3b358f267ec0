-- The controlled vocabulary of cooperation areas; the API extends it with createTopic.
INSERT INTO topic (slug, label) VALUES
  ('military', 'Military cooperation'),
  ('military-technical', 'Military-technical cooperation'),
  ('military-educational', 'Military-educational cooperation'),
  ('joint-exercises', 'Joint exercises'),
  ('demining', 'Demining'),
  ('cybersecurity', 'Cybersecurity'),
  ('peacekeeping', 'Peacekeeping'),
  ('regional-security', 'Regional security'),
  ('defense-industry', 'Defense industry'),
  ('military-medicine', 'Military medicine'),
  ('army-reform', 'Army reform');
