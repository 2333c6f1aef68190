import { z } from 'zod';
import { remindSchool } from '../../../domain/sbm-actions/index.ts';
import { decideRemediation, requestRemediation } from '../../../jobs/remediation/decide.ts';
import { sbmDeps } from '../../../jobs/weekly-card.ts';
import { workerDeps } from '../../../jobs/worker-deps.ts';
import { appendAuditLog } from '../../../storage/audit-log.ts';
import { getFinding, setFindingStatus } from '../../../storage/findings.ts';
import { pageContext, type DashContext, type PageContext } from './page-context.ts';

const noteSchema = z.string().trim().min(3).max(1000);

async function form(c: DashContext): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  return Object.fromEntries(Object.entries(body).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : [])));
}

/** Back to the page the form was on (only pages of this school: no open redirect), with a message. Takes the caller's page context so the school is read once per request. */
async function done(c: DashContext, p: PageContext, message: string): Promise<Response> {
  const back = (await form(c)).back ?? '';
  const target = back.startsWith(`${p.base}`) && !back.includes('\\') ? back : p.base;
  return c.redirect(`${target}${target.includes('?') ? '&' : '?'}notice=${encodeURIComponent(message)}`, 303);
}

const log = (c: DashContext) => c.get('log');
const by = (c: DashContext) => `dashboard:${c.get('principal').id}`;

export async function remediate(c: DashContext) {
  const p = await pageContext(c);
  const dryRun = (await form(c)).dryRun === 'true';
  const res = await requestRemediation(workerDeps(c.env, log(c)), { schoolId: p.school.id, findingId: c.req.param('findingId') ?? '', by: by(c), dryRun });
  return done(c, p, res.ok ? (dryRun ? 'Dry run queued: the audit log will show what would change.' : 'Fix queued; it runs in the background.') : res.error.message);
}

export async function acceptRisk(c: DashContext) {
  const p = await pageContext(c);
  const note = noteSchema.safeParse((await form(c)).note);
  if (!note.success) return done(c, p, 'Say why the risk is accepted (at least 3 characters).');
  const finding = await getFinding(c.env.DB, p.school.id, c.req.param('findingId') ?? '');
  if (!finding) return done(c, p, 'No such finding.');
  if (finding.status === 'accepted-risk') return done(c, p, 'This risk was already accepted.');
  const now = new Date();
  await setFindingStatus(c.env.DB, { schoolId: p.school.id, id: finding.id, status: 'accepted-risk', note: note.data, now });
  await appendAuditLog(
    c.env.DB,
    { schoolId: p.school.id, actor: by(c), action: 'accept-risk', targetType: finding.checkId, targetId: finding.id, policyRef: finding.policyRef, outcome: 'applied', before: { status: finding.status }, after: { status: 'accepted-risk', note: note.data } },
    now,
  );
  return done(c, p, 'Risk accepted and recorded in the audit log.');
}

export async function decideAction(c: DashContext) {
  const p = await pageContext(c);
  const decision = c.req.param('decision') === 'approve' ? 'approved' : 'rejected';
  const res = await decideRemediation(workerDeps(c.env, log(c)), { schoolId: p.school.id, actionId: c.req.param('actionId') ?? '', decision, by: by(c) });
  return done(c, p, res.ok ? `Fix ${decision}.${decision === 'approved' ? ' It runs in the background.' : ''}` : res.error.message);
}

export async function decideImport(c: DashContext) {
  const p = await pageContext(c);
  const decision = c.req.param('decision') === 'approve' ? 'approved' : 'rejected';
  const res = await sbmDeps(c.env, log(c)).leavers.decide({ schoolId: p.school.id, importId: c.req.param('importId') ?? '', decision, by: by(c) });
  return done(c, p, res.ok ? (res.value.changed ? `Leavers ${decision}.` : `These leavers were already ${decision}.`) : res.error.message);
}

export async function remind(c: DashContext) {
  const p = await pageContext(c);
  const r = await remindSchool({ db: c.env.DB, notifier: workerDeps(c.env, log(c)).notifier, now: new Date() }, p.school.id);
  return done(c, p, `Reminders sent to ${r.sent}; ${r.skipped} already reminded in the last 12 hours; ${r.undelivered} not reachable by the bot yet.`);
}
