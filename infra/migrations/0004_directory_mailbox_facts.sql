-- Mailbox settings (forwarding, send limit, holds) read once per audit run with the directory, so
-- each batch of mailboxes need not ask Exchange for the whole tenant again (docs/architecture.md).
-- NULL = not known (the connector reads them itself); JSON 'null' = the account has no mailbox.
ALTER TABLE directory_users ADD COLUMN mailbox_facts_json TEXT;
