-- A campaign addressed to a group records when its members were last read from the tenant, how many
-- were assigned, and any problem (no such group, a missing permission), so the SBM sees why a group
-- campaign has nobody in it instead of an empty table.
ALTER TABLE ack_campaigns ADD COLUMN audience_status_json TEXT;
