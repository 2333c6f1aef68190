import type { CheckId } from '../../src/domain/checks/ids.ts';
import type { z } from 'zod';
import type { expectedFindingSchema } from '../fixture/schema.ts';
import { accountEnabled, lastActivity } from './account-facts.ts';
import type { IdMaker } from './ids.ts';
import { gmailFilterId, gmailMessageId, googleIds, microsoftIds, msMessageId, msRuleId } from './ids.ts';
import type { GeneratedProvider } from './plan.ts';
import type { Plan, PlannedAccount, PlannedMessage, PlannedRule } from './plan-types.ts';
import { DAY_MS, isForbiddenForwardTarget, isInternalAddress, monthsBefore, school } from './school.ts';

export type ExpectedFinding = z.infer<typeof expectedFindingSchema>;

/** The key tests and benchmarks compare on: check, provider, lower-cased email, item. */
export function expectedKey(f: ExpectedFinding): string {
  return [f.checkId, f.provider, f.email.toLowerCase(), f.item ?? ''].join('|');
}

/** Each rule below is stated in README.md ("Expected findings"); keep the two in step. */
const forwardsOut = (r: PlannedRule) => r.enabled && (r.forward?.addresses.some(isForbiddenForwardTarget) ?? false);
const deletes = (r: PlannedRule) => r.enabled && r.remove !== undefined;
const attachmentBytes = (m: PlannedMessage) => m.attachments.reduce((s, f) => s + f.size, 0);
const distinctExternal = (m: PlannedMessage) => new Set([...m.to, ...m.cc].map((x) => x.toLowerCase()).filter((x) => !isInternalAddress(x))).size;

function parseUkDate(d: string): number {
  const [dd, mm, yyyy] = d.split('/').map(Number);
  return Date.UTC(yyyy ?? 0, (mm ?? 1) - 1, dd ?? 1);
}

function accountFindings(plan: Plan, a: PlannedAccount, provider: GeneratedProvider, ids: { ms: IdMaker; google: IdMaker }): ExpectedFinding[] {
  const out: ExpectedFinding[] = [];
  const add = (checkId: CheckId, item?: string) => out.push({ checkId, email: a.email, provider, ...(item === undefined ? {} : { item }) });
  const ms = provider === 'microsoft365';
  const ruleId = (r: PlannedRule) => (ms ? msRuleId(ids.ms, r.seq) : gmailFilterId(ids.google, r.seq));
  const messageId = (m: PlannedMessage) => (ms ? msMessageId(ids.ms, m.seq) : gmailMessageId(m.seq, m.atMs));
  const windowStart = plan.nowMs - school.auditWindowDays * DAY_MS;
  const enabled = accountEnabled(a, provider);

  for (const r of a.rules) {
    if (forwardsOut(r)) add('forwarding.inbox-rule-external', ruleId(r));
    if (deletes(r)) add('deletion.inbox-rule', ruleId(r));
  }
  if (a.mailboxForward && isForbiddenForwardTarget(a.mailboxForward.address)) add('forwarding.mailbox-external');
  if (!ms && a.enabled && a.email !== school.headteacher && (a.signature === 'missing-phrase' || a.signature === 'empty')) add('disclaimer.missing');
  for (const m of a.messages) {
    if (m.direction !== 'sent' || m.atMs <= windowStart || m.atMs > plan.nowMs) continue;
    if (attachmentBytes(m) > school.attachmentLimitBytes) add('attachments.oversize', messageId(m));
    if (distinctExternal(m) > school.exposedRecipientsMax) add('recipients.exposed', messageId(m));
  }
  const onHold = a.email === school.bursar || (ms && a.litigationHold);
  const cutoff = monthsBefore(plan.nowMs, school.retentionMonths);
  if (a.hasMailbox && !onHold && a.bulk.some((b) => b.atMs < cutoff)) add('retention.overdue');
  if (ms && a.hasMailbox && (a.maxSendSize === null || a.maxSendSize > school.attachmentLimitBytes)) add('attachments.limit-config');
  if (a.kind !== 'protected' && enabled) {
    const seen = lastActivity(a) ?? a.createdMs;
    if (plan.nowMs - seen > school.dormantDays * DAY_MS) add('accounts.dormant');
    const today = Date.UTC(new Date(plan.nowMs).getUTCFullYear(), new Date(plan.nowMs).getUTCMonth(), new Date(plan.nowMs).getUTCDate());
    if (a.hr?.leavingDate && parseUkDate(a.hr.leavingDate) <= today) add('accounts.leaver-active');
  }
  return out;
}

/** Tenant-wide findings (Microsoft only): email '' and no item. */
function tenantFindings(plan: Plan): ExpectedFinding[] {
  const t = (checkId: CheckId): ExpectedFinding => ({ checkId, email: '', provider: 'microsoft365' });
  const out = [t('forwarding.tenant-policy'), t('retention.policy-missing')];
  if (plan.microsoftTenant.disclaimerProblem !== 'none') out.push(t('disclaimer.missing'));
  return out;
}

/** Every finding a correct audit of the rendered providers reports, sorted by `expectedKey`. */
export function expectedFindings(plan: Plan, providers: readonly GeneratedProvider[]): ExpectedFinding[] {
  const ids = { ms: microsoftIds(plan.seed), google: googleIds(plan.seed) };
  const out: ExpectedFinding[] = [];
  for (const provider of providers) {
    if (provider === 'microsoft365') out.push(...tenantFindings(plan));
    for (const a of plan.accounts) out.push(...accountFindings(plan, a, provider, ids));
  }
  const keyed = out.map((f) => [expectedKey(f), f] as const);
  keyed.sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
  return keyed.map(([, f]) => f);
}

/** The provider id of a planned rule or message (a tricky case's `itemSeq`), or undefined. */
export function itemIdFor(plan: Plan, provider: GeneratedProvider, seq: number): string | undefined {
  const ms = provider === 'microsoft365';
  const ids = ms ? microsoftIds(plan.seed) : googleIds(plan.seed);
  for (const a of plan.accounts) {
    const rule = a.rules.find((r) => r.seq === seq);
    if (rule) return ms ? msRuleId(ids, seq) : gmailFilterId(ids, seq);
    const message = a.messages.find((m) => m.seq === seq);
    if (message) return ms ? msMessageId(ids, seq) : gmailMessageId(seq, message.atMs);
  }
  return undefined;
}
