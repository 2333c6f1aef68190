import { largeAttachmentNames } from './names.ts';
import type { PlanContext } from './plan-context.ts';
import { ukDate } from './plan-people.ts';
import { makeLeaver } from './plan-tricky.ts';
import type { PlannedAccount } from './plan-types.ts';

export type ShareName =
  | 'externalForwardRule'
  | 'mailboxForwardExternal'
  | 'deleteRule'
  | 'oversizeSend'
  | 'exposedSend'
  | 'overdueMail'
  | 'dormant'
  | 'disabledLeaver'
  | 'leaverStillEnabled'
  | 'futureLeaver'
  | 'signatureMissingPhrase'
  | 'maxSendDefault'
  | 'maxSendRaised';

/**
 * Random violations, as shares of S = the school's person accounts (N − 5). The count of each is
 * exactly max(min, round(share × S)), drawn from people not reserved for a tricky case.
 */
export const shares: Record<ShareName, { share: number; min: number }> = {
  externalForwardRule: { share: 0.03, min: 1 },
  mailboxForwardExternal: { share: 0.02, min: 1 },
  deleteRule: { share: 0.02, min: 1 },
  oversizeSend: { share: 0.04, min: 1 },
  exposedSend: { share: 0.05, min: 1 },
  overdueMail: { share: 0.2, min: 1 },
  dormant: { share: 0.03, min: 1 },
  disabledLeaver: { share: 0.03, min: 1 },
  leaverStillEnabled: { share: 0.01, min: 0 },
  futureLeaver: { share: 0.01, min: 0 },
  signatureMissingPhrase: { share: 0.08, min: 1 },
  maxSendDefault: { share: 0.1, min: 1 },
  maxSendRaised: { share: 0.02, min: 0 },
};

export function shareCount(name: ShareName, personAccounts: number): number {
  const s = shares[name];
  return Math.max(s.min, Math.round(s.share * personAccounts));
}

/** Applies the random shares to the people outside `reserved`. */
export function planShares(ctx: PlanContext, accounts: PlannedAccount[], reserved: Set<PlannedAccount>): void {
  const { rng } = ctx;
  const people = accounts.filter((a) => a.kind === 'person');
  const s = people.length;
  const free = people.filter((a) => !reserved.has(a) && a.role !== 'headteacher' && a.role !== 'bursar');
  const take = (name: ShareName, from: PlannedAccount[]) => {
    const n = shareCount(name, s);
    if (from.length < n) throw new Error(`not enough people for ${name}`);
    return rng.shuffle(from).slice(0, n);
  };

  // Account states first: they are exclusive, and later shares avoid disabled people.
  const states = rng.shuffle(free.filter((a) => a.role !== 'deputy-head'));
  const dormantN = shareCount('dormant', s);
  const disabledN = shareCount('disabledLeaver', s);
  const leaverN = shareCount('leaverStillEnabled', s);
  const futureN = shareCount('futureLeaver', s);
  const inHr = states.filter((a) => a.hr);
  const noHr = states.filter((a) => !a.hr);
  const hrTaken = inHr.slice(0, disabledN + leaverN + futureN);
  // Dormant people: governors first (the classic case), then staff not already given a state.
  const dormant = rng.shuffle([...noHr, ...inHr.slice(hrTaken.length)]).slice(0, dormantN);
  if (hrTaken.length < disabledN + leaverN + futureN || dormant.length < dormantN) throw new Error('not enough people for account states');
  for (const a of dormant) {
    a.lastSignInMs = ctx.daysAgo(rng.int(100, 400));
    a.lastNonInteractiveMs = null;
    a.messages = a.messages.filter((m) => m.direction === 'received');
  }
  for (const [i, a] of hrTaken.entries()) {
    if (i < disabledN) {
      a.enabled = false;
      a.lastSignInMs = ctx.daysAgo(rng.int(100, 700));
      a.lastNonInteractiveMs = null;
      makeLeaver(ctx, a, Math.round((ctx.nowMs - a.lastSignInMs) / 86_400_000) - rng.int(1, 10));
    } else if (i < disabledN + leaverN) {
      const left = rng.int(3, 55);
      makeLeaver(ctx, a, left);
      a.lastSignInMs = ctx.daysAgo(left + 1);
      a.lastNonInteractiveMs = null;
    } else if (a.hr) {
      a.hr = { ...a.hr, leavingDate: ukDate(ctx.daysAgo(-rng.int(5, 60))), status: 'Leaving' };
    }
  }

  // People who send mail now: not disabled, not dormant, not already gone.
  const dormantSet = new Set(dormant);
  const active = free.filter((a) => a.enabled && !dormantSet.has(a) && a.hr?.status !== 'Left');
  for (const a of take('externalForwardRule', active)) {
    const target = ctx.personalAddress();
    a.rules.push(rng.chance(0.5) ? ctx.rule({ name: 'Forward to home', condition: { all: true }, forward: { action: 'forwardTo', addresses: [target] } }) : ctx.rule({ name: 'Parents', condition: { subject: 'Parents evening' }, forward: { action: 'forwardTo', addresses: [target] } }));
  }
  for (const a of take('mailboxForwardExternal', active)) a.mailboxForward = { address: ctx.personalAddress(), via: 'smtp' };
  for (const a of take('deleteRule', active)) {
    a.rules.push(ctx.rule({ name: 'Delete ParentMail', condition: { from: 'noreply@parentmail.co.uk' }, remove: rng.pick(['delete', 'permanentDelete', 'moveToDeletedItems'] as const) }));
  }
  for (const a of take('oversizeSend', active)) {
    const file = rng.pick(largeAttachmentNames);
    a.messages.push(ctx.sent(a, { to: [ctx.personalAddress()], attachments: [{ ...file, size: rng.int(2_200_000, 20_000_000) }] }));
  }
  for (const a of take('exposedSend', active)) {
    const parents = ctx.personalAddresses(rng.int(6, 25));
    const inCc = rng.int(0, Math.floor(parents.length / 2));
    a.messages.push(ctx.sent(a, { subject: 'Class trip next week', to: parents.slice(inCc), cc: parents.slice(0, inCc) }));
  }
  for (const a of take('overdueMail', free.filter((x) => x.enabled))) {
    a.bulk.push({ folder: rng.pick(['inbox', 'sent', 'archive'] as const), atMs: ctx.daysAgo(rng.int(380, 2200)), count: rng.int(20, 2000) });
  }
  for (const a of take('signatureMissingPhrase', active.filter((x) => x.signature === 'standard'))) a.signature = 'missing-phrase';
  const limits = rng.shuffle(active);
  const defaults = shareCount('maxSendDefault', s);
  for (const [i, a] of limits.slice(0, defaults + shareCount('maxSendRaised', s)).entries()) a.maxSendSize = i < defaults ? null : 10_485_760;
}
