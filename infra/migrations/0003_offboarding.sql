-- Offboarding from the HR feed (docs/offboarding.md).

-- A school may have a Microsoft and a Google tenant: one live job per person per connection, not per
-- school (0001's index would refuse the second tenant's job).
DROP INDEX offboarding_one_live_job;
CREATE UNIQUE INDEX offboarding_one_live_job ON offboarding_jobs(school_id, connection_id, employee_id)
  WHERE status IN ('held', 'scheduled', 'running');

-- When a step may run (the account deletion waits for mailboxRetentionDays) and when its first
-- attempt began, so a redelivered step can tell "done by an interrupted attempt" from "already so".
ALTER TABLE offboarding_steps ADD COLUMN due_at TEXT;
ALTER TABLE offboarding_steps ADD COLUMN started_at TEXT;
-- The tenant state read before the step acted: the audit log's "before", kept across a crash.
ALTER TABLE offboarding_steps ADD COLUMN before_json TEXT;
-- One delivery works on a step at a time (duplicates and sweeps wait); a crashed holder's lease expires.
ALTER TABLE offboarding_steps ADD COLUMN lease_until TEXT;
CREATE INDEX offboarding_steps_due ON offboarding_steps(status, due_at);

-- The leave date as HR wrote it (YYYY-MM-DD), and the job's leave date, so a corrected date is noticed.
ALTER TABLE hr_staff ADD COLUMN leave_date TEXT;
ALTER TABLE offboarding_jobs ADD COLUMN leave_date TEXT;
-- Who undid or cancelled a job, and why.
ALTER TABLE offboarding_jobs ADD COLUMN note TEXT;

-- The staff records of an import, kept while it is held so approval applies exactly what was shown
-- (re-matched against the directory as it is at approval time). Cleared once decided.
ALTER TABLE hr_imports ADD COLUMN records_json TEXT;
ALTER TABLE hr_imports ADD COLUMN review_json TEXT NOT NULL DEFAULT '[]';
