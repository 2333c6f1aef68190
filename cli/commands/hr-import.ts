import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseDocument } from 'yaml';
import { hrMappingSchema } from '../../connectors/hr-feed/index.ts';
import { parseProfile } from '../../src/domain/profile/parse.ts';
import { runHrImport } from '../../src/jobs/offboarding/import.ts';
import { setCursorStatement } from '../../src/storage/cursors.ts';
import { applyDirectoryPage } from '../../src/storage/directory.ts';
import type { CliIO, Command } from '../io.ts';
import { createLocalTutela } from '../support/local-tutela.ts';
import { auditConfigSchema } from '../support/audit-config.ts';
import { prepareSchool } from '../support/prepare-school.ts';

const usage = `Usage: tutela hr import FILE --config CFG [--dry-run] [--json]

Imports an HR staff export (CSV): leavers are offboarded (or scheduled), starters enrolled, and
anything unclear is listed for review. Runs in-process against the school's tenant.
  FILE            the CSV export (SIMS, Arbor, Bromcom, iTrent, spreadsheet…)
  --config CFG    the audit config (school, profile, connection, state) plus an optional "hr" section:
                  the column mapping, e.g. hr: { columns: { employeeId: "Payroll No" }, dateFormat: uk }
  --dry-run       show exactly what would happen; change nothing
  --json          print one JSON document: { accepted, rejected, held, reason, actions, … }
Exit status: 0 done (or dry run), 1 the file was refused (nothing applied), 2 bad usage, 3 held for approval.`;

export const hrImportConfigSchema = auditConfigSchema.extend({ hr: hrMappingSchema.optional() });

async function run(args: string[], io: CliIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { config: { type: 'string' }, json: { type: 'boolean' }, 'dry-run': { type: 'boolean' } } });
  } catch (e) {
    io.stderr(`${e instanceof Error ? e.message : String(e)}\n${usage}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const file = positionals[0];
  if (!values.config || !file || positionals.length > 1) {
    io.stderr(`${usage}\n`);
    return 2;
  }
  const configPath = resolve(io.cwd, values.config);
  const configText = await readFile(configPath, 'utf8').catch(() => null);
  if (configText === null) {
    io.stderr(`cannot read ${values.config}\n`);
    return 2;
  }
  const doc = parseDocument(configText);
  const config = hrImportConfigSchema.safeParse(doc.errors.length ? null : doc.toJS());
  if (!config.success) {
    io.stderr(`${doc.errors.length ? doc.errors.map((e) => `(yaml): ${e.message.split('\n')[0] ?? ''}`).join('\n') : config.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('\n')}\n`);
    return 2;
  }
  const dir = dirname(configPath);
  const csv = await readFile(resolve(io.cwd, file), 'utf8').catch(() => null);
  if (csv === null) {
    io.stderr(`cannot read ${file}\n`);
    return 2;
  }
  const cfg = config.data;
  const profileText = await readFile(resolve(dir, cfg.profile), 'utf8').catch(() => null);
  const profile = profileText === null ? null : await parseProfile(profileText);
  if (!profile || !profile.ok || profileText === null) {
    io.stderr(profile && !profile.ok ? profile.error.problems.map((p) => `${cfg.profile}: ${p.path}: ${p.message}`).join('\n') + '\n' : `cannot read profile ${cfg.profile}\n`);
    return 2;
  }

  const local = createLocalTutela({ ...(cfg.state ? { dbPath: resolve(dir, cfg.state) } : {}), env: io.env });
  try {
    const { db } = local.deps;
    const now = new Date();
    const { connectionId } = await prepareSchool(db, { school: cfg.school, connection: cfg.connection, profile: { parsed: profile.value, text: profileText } }, now);

    // Matching needs the directory as it is now: one read (no changes are made by reading).
    const connector = local.deps.connectorFor({ id: connectionId, config: cfg.connection });
    if (!connector.ok) {
      io.stderr(`${connector.error.code}: ${connector.error.message}\n`);
      return 1;
    }
    io.stderr(`Reading the directory of ${cfg.school.name} (${cfg.connection.provider})…\n`);
    const page = await connector.value.readDirectory(null);
    if (!page.ok) {
      io.stderr(`could not read the directory: ${page.error.code}: ${page.error.message}\n`);
      return 1;
    }
    const domains = page.value.domains?.length ? [setCursorStatement(db, connectionId, 'tenant-domains', JSON.stringify(page.value.domains), now)] : [];
    await applyDirectoryPage(db, connectionId, page.value, now, domains);

    const report = await runHrImport(local.deps, { schoolId: cfg.school.id, source: 'cli', csv, mapping: cfg.hr ?? {}, dryRun: values['dry-run'] ?? false });
    if (!report.ok) {
      io.stderr(`${report.error.code}: ${report.error.message}\n`);
      return 1;
    }
    await local.queue.drain();
    const r = report.value;
    if (values.json) {
      io.stdout(`${JSON.stringify({ accepted: r.accepted, rejected: r.rejected, held: r.held, reason: r.reason, actions: r.actions, importId: r.importId, status: r.status, enqueued: r.enqueued })}\n`);
    } else {
      io.stdout(`Import ${r.importId}: ${r.status}. ${r.accepted.length} rows accepted, ${r.rejected.length} rejected.\n`);
      if (r.reason) io.stdout(`${r.reason}\n`);
      for (const x of r.rejected) io.stdout(`  rejected line ${x.row}: ${x.error}\n`);
      for (const a of r.actions) io.stdout(`  ${a.type.padEnd(18)} ${a.employeeId} ${a.email ?? ''}${'actAt' in a ? ` at ${a.actAt}` : ''}${a.type === 'review' ? `: ${a.reason}` : ''}\n`);
    }
    return r.status === 'rejected' ? 1 : r.status === 'held' ? 3 : 0;
  } finally {
    local.close();
  }
}

export const hrImport: Command = { path: ['hr', 'import'], summary: 'import an HR staff export: offboard leavers, enrol starters', usage, run };
