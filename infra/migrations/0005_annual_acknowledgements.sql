-- An annual campaign asks again about the same version, so one person may now acknowledge a version
-- once per campaign: the unique key moves from (version, person) to (version, person, campaign).
-- SQLite cannot alter a table constraint, so the table is rebuilt with its rows.
CREATE TABLE acknowledgements_new (
  id TEXT PRIMARY KEY,
  school_id TEXT NOT NULL REFERENCES schools(id),
  version_id TEXT NOT NULL REFERENCES policy_document_versions(id),
  campaign_id TEXT REFERENCES ack_campaigns(id),
  user_key TEXT NOT NULL,
  email TEXT NOT NULL,
  channel TEXT NOT NULL CHECK (channel IN ('teams', 'slack', 'dashboard')),
  content_hash TEXT NOT NULL,
  acknowledged_at TEXT NOT NULL,
  UNIQUE (version_id, user_key, campaign_id)
);
INSERT INTO acknowledgements_new (id, school_id, version_id, campaign_id, user_key, email, channel, content_hash, acknowledged_at)
  SELECT id, school_id, version_id, campaign_id, user_key, email, channel, content_hash, acknowledged_at FROM acknowledgements;
DROP TABLE acknowledgements;
ALTER TABLE acknowledgements_new RENAME TO acknowledgements;
CREATE INDEX acknowledgements_version_email ON acknowledgements(version_id, email);
