import type { SimContext } from '../core/context.ts';
import type { MsUser } from '../fixture/microsoft.ts';

/**
 * Microsoft-side bookkeeping that is not fixture data: when each user last changed (for delta
 * queries), users that disappeared, and bulk messages taken out of their bulk block by a move.
 */
export interface MsState {
  changedAt: Map<string, number>;
  removedAt: Map<string, number>;
  fingerprints: Map<string, string>;
  /** Mailbox id → bulk indexes materialised into `mailbox.messages`. */
  takenBulk: Map<string, Set<number>>;
}

const states = new WeakMap<SimContext, MsState>();

export function msState(ctx: SimContext): MsState {
  let state = states.get(ctx);
  if (!state) {
    state = { changedAt: new Map(), removedAt: new Map(), fingerprints: new Map(), takenBulk: new Map() };
    states.set(ctx, state);
    for (const user of ctx.fixture.microsoft?.users ?? []) state.fingerprints.set(user.id, fingerprint(user));
  }
  return state;
}

/** Records a write: bumps the simulator's change counter and, for a directory change, the user's. */
export function markChanged(ctx: SimContext, user?: MsUser): void {
  ctx.changeSeq.value += 1;
  if (!user) return;
  const state = msState(ctx);
  state.changedAt.set(user.id, ctx.changeSeq.value);
  state.fingerprints.set(user.id, fingerprint(user));
}

/** What a users delta query can see change (directory properties, not mailbox contents). */
function fingerprint(user: MsUser): string {
  const { mailbox: _mailbox, ...directory } = user;
  return JSON.stringify(directory);
}

export function isGone(ctx: SimContext, user: MsUser): boolean {
  return ctx.gate.isDeleted(user.userPrincipalName) || (user.mail !== null && ctx.gate.isDeleted(user.mail));
}

/**
 * Notices changes made behind the routes' back (a test editing ctx.fixture, a user passing its
 * deleteMidRun threshold) so a delta link still reports them.
 */
export function syncChanges(ctx: SimContext): void {
  const state = msState(ctx);
  const users = ctx.fixture.microsoft?.users ?? [];
  const present = new Set<string>();
  for (const user of users) {
    if (isGone(ctx, user)) continue;
    present.add(user.id);
    const print = fingerprint(user);
    if (state.fingerprints.get(user.id) !== print) {
      ctx.changeSeq.value += 1;
      state.changedAt.set(user.id, ctx.changeSeq.value);
      state.fingerprints.set(user.id, print);
      state.removedAt.delete(user.id);
    }
  }
  for (const id of state.fingerprints.keys()) {
    if (present.has(id) || state.removedAt.has(id)) continue;
    ctx.changeSeq.value += 1;
    state.removedAt.set(id, ctx.changeSeq.value);
  }
}
