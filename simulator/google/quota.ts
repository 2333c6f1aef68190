import type { SimContext } from '../core/context.ts';

/** Gmail's per-user limit: 15,000 quota units per user per minute (moving window). */
export const USER_QUOTA_UNITS_PER_MINUTE = 15_000;
const WINDOW_MS = 60_000;

/** Units per Gmail method, from Gmail's published "Per-method quota usage" table. */
export const gmailCost = {
  'messages.list': 5,
  'messages.get': 5,
  'messages.trash': 5,
  'messages.untrash': 5,
  'messages.batchModify': 50,
  'settings.getAutoForwarding': 1,
  'settings.updateAutoForwarding': 5,
  'settings.getVacation': 1,
  'settings.updateVacation': 5,
  'settings.forwardingAddresses.list': 1,
  'settings.forwardingAddresses.get': 1,
  'settings.forwardingAddresses.delete': 5,
  'settings.filters.list': 1,
  'settings.filters.get': 1,
  'settings.filters.create': 5,
  'settings.filters.delete': 5,
  'settings.sendAs.list': 1,
  'settings.sendAs.get': 1,
  'settings.sendAs.patch': 100,
  'settings.sendAs.update': 100,
} as const;
export type GmailMethod = keyof typeof gmailCost;

export type Charge = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Wall-clock based on purpose: `ctx.now()` may be pinned, but throttling windows must move. */
export class QuotaLedger {
  private readonly spent = new Map<string, { at: number; units: number }[]>();

  charge(user: string, units: number, now = Date.now()): Charge {
    const key = user.toLowerCase();
    const live = (this.spent.get(key) ?? []).filter((e) => e.at > now - WINDOW_MS);
    const used = live.reduce((sum, e) => sum + e.units, 0);
    if (used + units > USER_QUOTA_UNITS_PER_MINUTE) {
      this.spent.set(key, live);
      let toFree = used + units - USER_QUOTA_UNITS_PER_MINUTE;
      let freeAt = now + WINDOW_MS;
      for (const e of live) {
        toFree -= e.units;
        if (toFree <= 0) {
          freeAt = e.at + WINDOW_MS;
          break;
        }
      }
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((freeAt - now) / 1000)) };
    }
    live.push({ at: now, units });
    this.spent.set(key, live);
    return { ok: true };
  }
}

const ledgers = new WeakMap<SimContext, QuotaLedger>();

/** One ledger per simulator context, however many times the routes are built. */
export function quotaOf(ctx: SimContext): QuotaLedger {
  let ledger = ledgers.get(ctx);
  if (!ledger) {
    ledger = new QuotaLedger();
    ledgers.set(ctx, ledger);
  }
  return ledger;
}
