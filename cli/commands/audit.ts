import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { checkIds } from '../../src/domain/checks/ids.ts';
import { connectionConfigSchema } from '../../src/domain/connections/config.ts';
import { parseProfile } from '../../src/domain/profile/parse.ts';
import { startAuditRun } from '../../src/jobs/audit/start-run.ts';
import { createConnection } from '../../src/storage/connections.ts';
import { listFindings } from '../../src/storage/findings.ts';
import { saveProfileVersion } from '../../src/storage/profiles.ts';
import { getRun } from '../../src/storage/runs.ts';
import { createSchool } from '../../src/storage/schools.ts';
import type { CliIO, Command } from '../io.ts';
import { createLocalTutela } from '../support/local-tutela.ts';

const usage = `Usage: tutela audit --config FILE [--check ID ...] [--json] [--dry-run]

Audits one school's tenant against its policy profile, in-process (no Worker needed).
  --config FILE   YAML/JSON: school {id,name}, profile (path), connection (see docs/permissions.md), state (optional SQLite path)
  --check ID      only these checks (repeatable); ids in docs/checks.md
  --json          print { "run": {...}, "findings": [...] } on stdout
  --dry-run       remediations the profile marks "auto" are previewed, not applied
Secrets named by the connection (SECRET_…) are read from the environment.`;

export const auditConfigSchema = z
  .object({
    school: z.object({ id: z.string().min(1), name: z.string().min(1) }).strict(),
    profile: z.string().min(1),
    connection: connectionConfigSchema,
    /** SQLite file that keeps delta links and history between runs; in memory when omitted. */
    state: z.string().optional(),
  })
  .strict();

async function loadConfig(path: string): Promise<{ ok: true; config: z.infer<typeof auditConfigSchema>; dir: string } | { ok: false; problems: string[] }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return { ok: false, problems: [`cannot read ${path}`] };
  }
  const doc = parseDocument(text);
  if (doc.errors.length) return { ok: false, problems: doc.errors.map((e) => `(yaml): ${e.message.split('\n')[0] ?? ''}`) };
  const parsed = auditConfigSchema.safeParse(doc.toJS());
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`) };
  return { ok: true, config: parsed.data, dir: dirname(resolve(path)) };
}

async function run(args: string[], io: CliIO): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args, options: { config: { type: 'string' }, check: { type: 'string', multiple: true }, json: { type: 'boolean' }, 'dry-run': { type: 'boolean' } } }));
  } catch (e) {
    io.stderr(`${e instanceof Error ? e.message : String(e)}\n${usage}\n`);
    return 2;
  }
  if (!values.config) {
    io.stderr(`${usage}\n`);
    return 2;
  }
  const unknown = (values.check ?? []).filter((c) => !(checkIds as readonly string[]).includes(c));
  if (unknown.length) {
    io.stderr(`unknown check id(s): ${unknown.join(', ')}\nknown: ${checkIds.join(', ')}\n`);
    return 2;
  }
  const loaded = await loadConfig(resolve(io.cwd, values.config));
  if (!loaded.ok) {
    io.stderr(`${loaded.problems.join('\n')}\n`);
    return 2;
  }
  const { config, dir } = loaded;
  const profileText = await readFile(resolve(dir, config.profile), 'utf8').catch(() => null);
  if (profileText === null) {
    io.stderr(`cannot read profile ${config.profile}\n`);
    return 2;
  }
  const profile = await parseProfile(profileText);
  if (!profile.ok) {
    io.stderr(profile.error.problems.map((p) => `${config.profile}: ${p.path}: ${p.message}`).join('\n') + '\n');
    return 2;
  }

  const local = createLocalTutela({ ...(config.state ? { dbPath: resolve(dir, config.state) } : {}), env: io.env });
  try {
    const { db } = local.deps;
    const now = new Date();
    if (!(await db.prepare('SELECT 1 FROM schools WHERE id = ?1').bind(config.school.id).first())) {
      await createSchool(db, config.school, now);
      await createConnection(db, { id: `${config.school.id}-${config.connection.provider}`, schoolId: config.school.id, config: config.connection }, now);
    }
    await saveProfileVersion(db, { schoolId: config.school.id, parsed: profile.value, sourceText: profileText, createdBy: 'cli' }, now);
    const connectionId = `${config.school.id}-${config.connection.provider}`;
    await db.prepare('UPDATE connections SET config_json = ?2 WHERE id = ?1').bind(connectionId, JSON.stringify(config.connection)).run();

    io.stderr(`Reading the directory of ${config.school.name} (${config.connection.provider})…\n`);
    const started = await startAuditRun(local.deps, {
      schoolId: config.school.id,
      connectionId,
      trigger: 'cli',
      ...(values.check?.length ? { checks: values.check as (typeof checkIds)[number][] } : {}),
      dryRun: values['dry-run'] ?? false,
    });
    if (!started.ok) {
      io.stderr(`audit could not start: ${started.error.code}: ${started.error.message}\n`);
      return 1;
    }
    io.stderr(`${started.value.mailboxes} mailboxes in ${started.value.batches} batches…\n`);
    const progress = setInterval(() => {
      void db
        .prepare("SELECT COUNT(*) AS n FROM audit_batches WHERE run_id = ?1 AND status != 'queued'")
        .bind(started.value.runId)
        .first<{ n: number }>()
        .then((r) => io.stderr(`  ${r?.n ?? 0}/${started.value.batches} batches done\n`));
    }, 2000);
    await local.queue.drain();
    clearInterval(progress);

    const run = await getRun(db, started.value.runId);
    const findings = await listFindings(db, config.school.id, { runId: started.value.runId, limit: 20000 });
    if (!run) throw new Error('run vanished');
    io.stderr(`Run ${run.status}: ${findings.length} findings; ${run.errors.length} errors, ${run.warnings.length} warnings.\n`);
    for (const e of run.errors) io.stderr(`  error: ${e.message}${e.permission ? ` (missing ${e.permission})` : ''}\n`);
    if (values.json) {
      io.stdout(`${JSON.stringify({ run, findings })}\n`);
    } else {
      for (const f of findings) io.stdout(`[${f.severity}] ${f.checkId} ${f.subject.email ?? f.subject.id}: ${f.summary}\n`);
    }
    return run.status === 'failed' ? 1 : 0;
  } finally {
    local.close();
  }
}

export const audit: Command = { path: ['audit'], summary: "audit a school's tenant against its policy profile", usage, run };
