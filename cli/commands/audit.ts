import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkIds, type CheckId } from '../../src/domain/checks/ids.ts';
import { startAuditRun } from '../../src/jobs/audit/start-run.ts';
import { getRun } from '../../src/storage/runs.ts';
import type { CliIO, Command } from '../io.ts';
import { loadAuditConfig, secretRefsOf } from '../support/audit-config.ts';
import { createLocalTutela, type LocalTutela } from '../support/local-tutela.ts';
import { prepareSchool } from '../support/prepare-school.ts';
import { listRunFindings } from '../support/run-findings.ts';

const usage = `Usage: tutela audit --config FILE [--check ID ...] [--json] [--dry-run]

Audits one school's tenant against its policy profile, in-process (no Worker needed).
  --config FILE   YAML/JSON: school {id,name}, profile (path), connection (see docs/permissions.md),
                  state (optional SQLite file: keeps the delta link and history between runs)
  --check ID      only these checks (repeatable); ids in docs/checks.md
  --json          print exactly one JSON document { "run": {...}, "findings": [...] } on stdout
  --dry-run       remediations the profile marks "auto" are previewed, not applied
Secrets named by the connection (SECRET_…) are read from the environment; see examples/README.md.
Progress goes to stderr. Exit 0: run completed; 1: it could not start, failed or was partial
(the JSON is still printed); 2: bad arguments or config.`;

const isCheckId = (id: string): id is CheckId => (checkIds as readonly string[]).includes(id);

interface Flags {
  config: string;
  checks: CheckId[];
  json: boolean;
  dryRun: boolean;
}

function readFlags(args: string[], io: CliIO): Flags | null {
  let values;
  try {
    ({ values } = parseArgs({ args, options: { config: { type: 'string' }, check: { type: 'string', multiple: true }, json: { type: 'boolean' }, 'dry-run': { type: 'boolean' } } }));
  } catch (e) {
    io.stderr(`${e instanceof Error ? e.message : String(e)}\n\n${usage}\n`);
    return null;
  }
  if (!values.config) {
    io.stderr(`--config FILE is required\n\n${usage}\n`);
    return null;
  }
  const requested = values.check ?? [];
  const unknown = requested.filter((c) => !isCheckId(c));
  if (unknown.length) {
    io.stderr(`unknown check id(s): ${unknown.join(', ')}\nknown: ${checkIds.join(', ')}\n`);
    return null;
  }
  return { config: values.config, checks: [...new Set(requested.filter(isCheckId))], json: values.json ?? false, dryRun: values['dry-run'] ?? false };
}

/** Reports batches as they finish; the queue runs in this process, so polling the database is cheap. */
function reportProgress(local: LocalTutela, runId: string, batches: number, io: CliIO): () => void {
  let last = -1;
  const timer = setInterval(() => {
    local.deps.db
      .prepare("SELECT COUNT(*) AS n FROM audit_batches WHERE run_id = ?1 AND status != 'queued'")
      .bind(runId)
      .first<{ n: number }>()
      .then((row) => {
        const done = row?.n ?? 0;
        if (done !== last) io.stderr(`  ${done}/${batches} batches done\n`);
        last = done;
      })
      .catch((error: unknown) => io.stderr(`  (progress unavailable: ${error instanceof Error ? error.message : String(error)})\n`));
  }, 2000);
  return () => clearInterval(timer);
}

async function run(args: string[], io: CliIO): Promise<number> {
  const flags = readFlags(args, io);
  if (!flags) return 2;
  const loaded = await loadAuditConfig(resolve(io.cwd, flags.config));
  if (!loaded.ok) {
    io.stderr(`${flags.config} is not a valid audit config:\n${loaded.problems.map((p) => `  ${p}`).join('\n')}\n`);
    return 2;
  }
  const { config, profile, statePath } = loaded.value;
  const missing = secretRefsOf(config.connection).filter((name) => !io.env[name]);
  if (missing.length) {
    io.stderr(`audit could not start: environment variable ${missing.join(', ')} is not set (the connection reads its secret from it; see examples/README.md)\n`);
    return 1;
  }

  let local: LocalTutela;
  try {
    if (statePath) await mkdir(dirname(statePath), { recursive: true });
    local = createLocalTutela({ ...(statePath ? { dbPath: statePath } : {}), env: io.env });
  } catch (error) {
    io.stderr(`cannot open the state file ${statePath ?? ''}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  try {
    const { db } = local.deps;
    const prepared = await prepareSchool(db, { school: config.school, connection: config.connection, profile }, local.deps.now());
    if (prepared.cursorsReset) io.stderr('The connection now names another tenant or endpoint: reading the whole directory again.\n');

    io.stderr(`Reading the directory of ${config.school.name} (${config.connection.provider})…\n`);
    const started = await startAuditRun(local.deps, {
      schoolId: config.school.id,
      connectionId: prepared.connectionId,
      trigger: 'cli',
      ...(flags.checks.length ? { checks: flags.checks } : {}),
      dryRun: flags.dryRun,
    });
    if (!started.ok) {
      io.stderr(`audit could not start: ${started.error.code}: ${started.error.message}\n`);
      return 1;
    }
    io.stderr(`${started.value.mailboxes} mailboxes in ${started.value.batches} batches, ${started.value.checks.length} checks${flags.dryRun ? ', dry run' : ''}…\n`);
    const stopProgress = reportProgress(local, started.value.runId, started.value.batches, io);
    await local.queue.drain();
    stopProgress();

    const auditRun = await getRun(db, started.value.runId);
    if (!auditRun) throw new Error(`run ${started.value.runId} vanished from the local database`);
    const { findings, truncated } = await listRunFindings(db, auditRun);
    io.stderr(`Run ${auditRun.status}: ${findings.length} findings; ${auditRun.errors.length} errors, ${auditRun.warnings.length} warnings.\n`);
    for (const w of auditRun.warnings) io.stderr(`  warning: ${w.message}\n`);
    for (const e of auditRun.errors) io.stderr(`  error: ${e.message}${e.permission ? ` (missing ${e.permission})` : ''}\n`);
    if (truncated) io.stderr('  warning: one check has more findings than the output can list; the run summary has the full counts.\n');
    const lost = local.queue.stats.deadLettered.length;
    if (lost) io.stderr(`  error: ${lost} queue message(s) failed every attempt (audit batches or remediations); see the run and its actions.\n`);

    if (flags.json) io.stdout(`${JSON.stringify({ run: auditRun, findings })}\n`);
    else for (const f of findings) io.stdout(`[${f.severity}] ${f.checkId} ${f.subject.email ?? f.subject.id}${f.subject.item ? ` (${f.subject.item})` : ''}: ${f.summary}\n`);
    return auditRun.status === 'completed' && lost === 0 ? 0 : 1;
  } finally {
    local.close();
  }
}

export const audit: Command = { path: ['audit'], summary: "audit a school's tenant against its policy profile", usage, run };
