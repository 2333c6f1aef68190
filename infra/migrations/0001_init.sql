-- Tutela's state. One deployment serves several schools (a multi-academy trust); every row that
-- belongs to a school carries school_id. Timestamps are ISO-8601 UTC strings. JSON columns hold
-- validated documents (zod on the way in and out, see src/storage/).

CREATE TABLE schools (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  trust TEXT,
  active_profile_id TEXT,
  notify_channel TEXT NOT NULL DEFAULT 'teams' CHECK (notify_channel IN ('teams', 'slack', 'none')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- A school's link to its tenant. Secrets are never stored here: config names the environment
-- variable (Worker secret) that holds them. Endpoints are overridable (national clouds, simulator).
CREATE TABLE connections (
  id TEXT PRIMARY KEY,
  school_id TEXT NOT NULL REFERENCES schools(id),
  provider TEXT NOT NULL CHECK (provider IN ('microsoft365', 'google-workspace')),
  tenant_ref TEXT NOT NULL,
  config_json TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'unknown' CHECK (status IN ('unknown', 'healthy', 'degraded', 'failing')),
  health_json TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX connections_school ON connections(school_id);

-- Cursors a connector keeps between runs (Graph delta links, last audit high-water marks).
CREATE TABLE connector_cursors (
  connection_id TEXT NOT NULL REFERENCES connections(id),
  name TEXT NOT NULL,
  value TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (connection_id, name)
);

-- The directory as last read, so a repeat audit reads only changes (delta) and HR matching
-- does not need a live call per row.
CREATE TABLE directory_users (
  connection_id TEXT NOT NULL REFERENCES connections(id),
  user_id TEXT NOT NULL,
  email TEXT NOT NULL,
  display_name TEXT,
  employee_id TEXT,
  aliases_json TEXT NOT NULL DEFAULT '[]',
  enabled INTEGER NOT NULL,
  mailbox_kind TEXT NOT NULL DEFAULT 'user' CHECK (mailbox_kind IN ('user', 'shared', 'room', 'none')),
  last_sign_in_at TEXT,
  sign_in_source TEXT NOT NULL DEFAULT 'unavailable',
  account_created_at TEXT,
  is_admin INTEGER NOT NULL DEFAULT 0,
  deleted INTEGER NOT NULL DEFAULT 0,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (connection_id, user_id)
);
CREATE INDEX directory_users_email ON directory_users(connection_id, email);
CREATE INDEX directory_users_employee ON directory_users(connection_id, employee_id);

-- Policy profiles are versioned; a new version is stored only when the content hash changes.
CREATE TABLE policy_profiles (
  id TEXT PRIMARY KEY,
  school_id TEXT NOT NULL REFERENCES schools(id),
  version INTEGER NOT NULL,
  content_hash TEXT NOT NULL,
  source_text TEXT NOT NULL,
  profile_json TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (school_id, version),
  UNIQUE (school_id, content_hash)
);

CREATE TABLE audit_runs (
  id TEXT PRIMARY KEY,
  school_id TEXT NOT NULL REFERENCES schools(id),
  connection_id TEXT NOT NULL REFERENCES connections(id),
  profile_id TEXT NOT NULL REFERENCES policy_profiles(id),
  trigger TEXT NOT NULL CHECK (trigger IN ('cron', 'api', 'cli', 'demo')),
  checks_json TEXT NOT NULL,
  dry_run INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'completed', 'partial', 'failed')),
  batches_total INTEGER NOT NULL DEFAULT 0,
  batches_done INTEGER NOT NULL DEFAULT 0,
  mailboxes_total INTEGER NOT NULL DEFAULT 0,
  warnings_json TEXT NOT NULL DEFAULT '[]',
  errors_json TEXT NOT NULL DEFAULT '[]',
  summary_json TEXT,
  started_at TEXT NOT NULL,
  finished_at TEXT
);
CREATE INDEX audit_runs_school ON audit_runs(school_id, started_at);

-- One row per queue message of a run: a batch is counted done exactly once, however often the
-- queue redelivers it.
CREATE TABLE audit_batches (
  run_id TEXT NOT NULL REFERENCES audit_runs(id),
  batch_no INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('queued', 'done', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  subjects_json TEXT NOT NULL,
  result_json TEXT,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (run_id, batch_no)
);

-- id is stable per (school, check, subject key), so the same problem keeps its history across runs.
CREATE TABLE findings (
  id TEXT PRIMARY KEY,
  school_id TEXT NOT NULL REFERENCES schools(id),
  check_id TEXT NOT NULL,
  severity TEXT NOT NULL CHECK (severity IN ('high', 'medium', 'low', 'info')),
  provider TEXT NOT NULL,
  subject_id TEXT NOT NULL,
  subject_email TEXT,
  subject_key TEXT NOT NULL,
  summary TEXT NOT NULL,
  evidence_json TEXT NOT NULL,
  policy_ref TEXT NOT NULL,
  remediation_json TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'remediated', 'accepted-risk', 'resolved')),
  status_note TEXT,
  first_seen_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  last_run_id TEXT NOT NULL,
  status_changed_at TEXT NOT NULL
);
CREATE INDEX findings_school_status ON findings(school_id, status, check_id);
CREATE INDEX findings_run ON findings(last_run_id);

CREATE TABLE remediation_actions (
  id TEXT PRIMARY KEY,
  school_id TEXT NOT NULL REFERENCES schools(id),
  finding_id TEXT REFERENCES findings(id),
  check_id TEXT NOT NULL,
  action TEXT NOT NULL,
  mode TEXT NOT NULL CHECK (mode IN ('report', 'approve', 'auto')),
  dry_run INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL CHECK (status IN ('pending-approval', 'approved', 'rejected', 'running', 'done', 'failed', 'skipped')),
  params_json TEXT NOT NULL,
  result_json TEXT,
  idempotency_key TEXT NOT NULL UNIQUE,
  requested_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX remediation_school_status ON remediation_actions(school_id, status);

-- Approvals for anything held: a remediation, an HR import held by the breaker, a risk acceptance.
CREATE TABLE approvals (
  id TEXT PRIMARY KEY,
  school_id TEXT NOT NULL REFERENCES schools(id),
  subject_type TEXT NOT NULL CHECK (subject_type IN ('remediation', 'hr-import', 'finding')),
  subject_id TEXT NOT NULL,
  decision TEXT NOT NULL CHECK (decision IN ('approved', 'rejected', 'accepted-risk')),
  decided_by TEXT NOT NULL,
  comment TEXT,
  decided_at TEXT NOT NULL,
  UNIQUE (subject_type, subject_id)
);

-- HR feed: each import (CSV upload or webhook event) and the roster it produced.
CREATE TABLE hr_imports (
  id TEXT PRIMARY KEY,
  school_id TEXT NOT NULL REFERENCES schools(id),
  source TEXT NOT NULL CHECK (source IN ('csv', 'webhook', 'api', 'cli')),
  content_hash TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('dry-run', 'rejected', 'held', 'applied', 'approved', 'cancelled')),
  row_count INTEGER NOT NULL,
  rejected_json TEXT NOT NULL DEFAULT '[]',
  actions_json TEXT NOT NULL DEFAULT '[]',
  held_reason TEXT,
  received_at TEXT NOT NULL,
  decided_at TEXT
);
CREATE INDEX hr_imports_school ON hr_imports(school_id, received_at);

-- Webhook event ids already seen: a replayed event is refused.
CREATE TABLE hr_webhook_events (
  school_id TEXT NOT NULL REFERENCES schools(id),
  event_id TEXT NOT NULL,
  received_at TEXT NOT NULL,
  PRIMARY KEY (school_id, event_id)
);

CREATE TABLE hr_staff (
  school_id TEXT NOT NULL REFERENCES schools(id),
  employee_id TEXT NOT NULL,
  email TEXT,
  display_name TEXT,
  status TEXT NOT NULL CHECK (status IN ('current', 'starter', 'leaver')),
  start_date TEXT,
  leave_at TEXT,
  last_import_id TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (school_id, employee_id)
);

CREATE TABLE offboarding_jobs (
  id TEXT PRIMARY KEY,
  school_id TEXT NOT NULL REFERENCES schools(id),
  connection_id TEXT NOT NULL REFERENCES connections(id),
  hr_import_id TEXT REFERENCES hr_imports(id),
  employee_id TEXT NOT NULL,
  subject_id TEXT NOT NULL,
  subject_email TEXT NOT NULL,
  act_at TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('held', 'scheduled', 'running', 'done', 'failed', 'cancelled', 'undone')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX offboarding_due ON offboarding_jobs(status, act_at);
CREATE UNIQUE INDEX offboarding_one_live_job ON offboarding_jobs(school_id, employee_id)
  WHERE status IN ('held', 'scheduled', 'running');

-- Each step is a durable unit: check-before-act, so a retried step never acts twice.
CREATE TABLE offboarding_steps (
  job_id TEXT NOT NULL REFERENCES offboarding_jobs(id),
  seq INTEGER NOT NULL,
  step TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'running', 'done', 'skipped', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  result_json TEXT,
  last_error TEXT,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (job_id, step)
);

-- Policy documents as ingested (sections only; the source file itself is not kept).
CREATE TABLE policy_documents (
  id TEXT PRIMARY KEY,
  school_id TEXT NOT NULL REFERENCES schools(id),
  slug TEXT NOT NULL,
  title TEXT NOT NULL,
  current_version_id TEXT,
  created_at TEXT NOT NULL,
  UNIQUE (school_id, slug)
);

CREATE TABLE policy_document_versions (
  id TEXT PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES policy_documents(id),
  version INTEGER NOT NULL,
  content_hash TEXT NOT NULL,
  source_type TEXT NOT NULL CHECK (source_type IN ('md', 'txt', 'docx', 'pdf', 'html')),
  sections_json TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (document_id, version),
  UNIQUE (document_id, content_hash)
);

CREATE TABLE ack_campaigns (
  id TEXT PRIMARY KEY,
  school_id TEXT NOT NULL REFERENCES schools(id),
  document_id TEXT NOT NULL REFERENCES policy_documents(id),
  version_id TEXT NOT NULL REFERENCES policy_document_versions(id),
  audience_json TEXT NOT NULL,
  due_at TEXT NOT NULL,
  annual INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL CHECK (status IN ('active', 'closed')),
  created_at TEXT NOT NULL
);

CREATE TABLE ack_assignments (
  campaign_id TEXT NOT NULL REFERENCES ack_campaigns(id),
  user_key TEXT NOT NULL,
  email TEXT NOT NULL,
  assigned_at TEXT NOT NULL,
  last_reminded_at TEXT,
  PRIMARY KEY (campaign_id, user_key)
);

-- The evidence schools show inspectors: who agreed to which exact version, when, and where.
CREATE TABLE acknowledgements (
  id TEXT PRIMARY KEY,
  school_id TEXT NOT NULL REFERENCES schools(id),
  version_id TEXT NOT NULL REFERENCES policy_document_versions(id),
  campaign_id TEXT REFERENCES ack_campaigns(id),
  user_key TEXT NOT NULL,
  email TEXT NOT NULL,
  channel TEXT NOT NULL CHECK (channel IN ('teams', 'slack', 'dashboard')),
  content_hash TEXT NOT NULL,
  acknowledged_at TEXT NOT NULL,
  UNIQUE (version_id, user_key)
);

-- Where to reach a person proactively (Teams conversation reference or Slack DM channel).
CREATE TABLE conversation_refs (
  id TEXT PRIMARY KEY,
  school_id TEXT NOT NULL REFERENCES schools(id),
  channel TEXT NOT NULL CHECK (channel IN ('teams', 'slack')),
  user_key TEXT NOT NULL,
  email TEXT,
  role TEXT NOT NULL DEFAULT 'staff' CHECK (role IN ('staff', 'sbm', 'admin')),
  reference_json TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (channel, user_key)
);

-- Every change the service makes to a tenant, with before and after. Append-only: the triggers
-- below refuse updates and deletes, so the log is evidence, not a cache.
CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  school_id TEXT NOT NULL REFERENCES schools(id),
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  target_type TEXT NOT NULL,
  target_id TEXT NOT NULL,
  policy_ref TEXT,
  dry_run INTEGER NOT NULL DEFAULT 0,
  outcome TEXT NOT NULL CHECK (outcome IN ('applied', 'already-compliant', 'dry-run', 'failed')),
  before_json TEXT,
  after_json TEXT,
  correlation_id TEXT
);
CREATE INDEX audit_log_school ON audit_log(school_id, seq);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
