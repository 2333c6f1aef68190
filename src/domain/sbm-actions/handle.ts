import { z } from 'zod';
import { weeklyVerbList, weeklyVerbs, type WeeklyCardData } from '../../../adaptive-cards/weekly-card-data.ts';
import type { AuditDeps } from '../../jobs/audit/deps.ts';
import { decideRemediation } from '../../jobs/remediation/decide.ts';
import type { VerifiedStaff } from '../acknowledgements/acknowledge.ts';
import { err, ok, type Result } from '../result.ts';
import { weeklyCardData } from '../weekly/assemble.ts';
import { sbmRole, type SbmChannel } from './authorise.ts';
import type { LeaverDecider } from './leavers.ts';
import { remindSchool } from './remind.ts';

export interface SbmActionDeps {
  audit: AuditDeps;
  leavers: LeaverDecider;
  publicUrl: string;
  /** Trust-wide admins by address (env SBM_ADMIN_EMAILS). */
  adminEmails: readonly string[];
}

const id = z.string().min(1).max(100);
const base = { schoolId: id };
const schemas = {
  [weeklyVerbs.refresh]: z.object(base).strict(),
  [weeklyVerbs.remind]: z.object(base).strict(),
  [weeklyVerbs.approveRemediation]: z.object({ ...base, actionId: id }).strict(),
  [weeklyVerbs.rejectRemediation]: z.object({ ...base, actionId: id }).strict(),
  [weeklyVerbs.approveLeavers]: z.object({ ...base, importId: id }).strict(),
  [weeklyVerbs.rejectLeavers]: z.object({ ...base, importId: id }).strict(),
};

export const isSbmVerb = (verb: string): verb is keyof typeof schemas => weeklyVerbList.includes(verb);

type Notice = NonNullable<WeeklyCardData['notice']>;

/**
 * One press of a button on the Monday card. The clicker must hold the SBM or admin role for their
 * own school (see authorise.ts); the card's data only says which item, and must name that same
 * school. Every action is idempotent, and the answer is the card rebuilt from the database with a
 * line saying what happened.
 */
export async function runSbmAction(deps: SbmActionDeps, input: { who: VerifiedStaff; channel: SbmChannel; verb: string; data: unknown }): Promise<Result<WeeklyCardData>> {
  const { who, channel, verb } = input;
  const { db, log } = deps.audit;
  if (!isSbmVerb(verb)) return err('invalid_input', `Unknown action "${verb}".`);
  const role = await sbmRole(db, who, channel, deps.adminEmails);
  if (!role) {
    log.warn('sbm_action_refused', { schoolId: who.schoolId, channel, verb, reason: 'role' });
    return err('forbidden', 'Only the School Business Manager or an administrator can do this.');
  }
  const parsed = schemas[verb].safeParse(input.data);
  if (!parsed.success) return err('invalid_input', 'This button is not one Tutela made.');
  if (parsed.data.schoolId !== who.schoolId) {
    log.warn('sbm_action_refused', { schoolId: who.schoolId, channel, verb, reason: 'other_school' });
    return err('forbidden', 'This card belongs to another school.');
  }
  const by = `${channel}:${who.email}`;
  const now = deps.audit.now();
  let notice: Notice | undefined;

  if (verb === weeklyVerbs.remind) {
    const r = await remindSchool({ db, notifier: deps.audit.notifier, now }, who.schoolId);
    notice = {
      tone: r.undelivered ? 'warning' : 'good',
      text: `Reminders sent to ${r.sent} ${r.sent === 1 ? 'person' : 'people'}${r.skipped ? `; ${r.skipped} already reminded in the last 12 hours` : ''}${r.undelivered ? `; ${r.undelivered} could not be reached by the bot yet` : ''}.`,
    };
  } else if (verb === weeklyVerbs.approveRemediation || verb === weeklyVerbs.rejectRemediation) {
    const { actionId } = schemas[verb].parse(parsed.data);
    const decision = verb === weeklyVerbs.approveRemediation ? 'approved' : 'rejected';
    const res = await decideRemediation(deps.audit, { schoolId: who.schoolId, actionId, decision, by });
    if (!res.ok && res.error.code !== 'conflict') return res;
    notice = res.ok ? { tone: 'good', text: `Fix ${decision} by ${who.email}.` } : { tone: 'warning', text: res.error.message };
  } else if (verb === weeklyVerbs.approveLeavers || verb === weeklyVerbs.rejectLeavers) {
    const { importId } = schemas[verb].parse(parsed.data);
    const decision = verb === weeklyVerbs.approveLeavers ? 'approved' : 'rejected';
    const res = await deps.leavers.decide({ schoolId: who.schoolId, importId, decision, by });
    if (!res.ok && res.error.code !== 'conflict') return res;
    notice = res.ok ? { tone: 'good', text: res.value.changed ? `Leavers ${decision} by ${who.email}.` : `These leavers were already ${decision}.` } : { tone: 'warning', text: res.error.message };
  }
  log.info('sbm_action', { schoolId: who.schoolId, channel, verb, role });
  const data = await weeklyCardData(db, { schoolId: who.schoolId, now, publicUrl: deps.publicUrl });
  if (!data) return err('not_found', 'This school no longer exists.');
  return ok(notice ? { ...data, notice } : data);
}
