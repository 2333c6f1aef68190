/**
 * Gmail's per-user limit is 15,000 quota units per user per minute (moving window). We charge each
 * call its published cost before sending it and wait when the user's last minute is full, so a
 * heavy mailbox is paced instead of being answered 429 ("User-rate limit exceeded").
 */
export const USER_UNITS_PER_MINUTE = 15_000;
const WINDOW_MS = 60_000;

/** Per-method costs from the Gmail API "Usage limits" page (the ones Tutela calls). */
export const GMAIL_COST = {
  'messages.list': 5,
  'messages.get': 5,
  'messages.batchModify': 50,
  'settings.getAutoForwarding': 1,
  'settings.updateAutoForwarding': 5,
  'settings.filters.list': 1,
  'settings.filters.get': 1,
  'settings.filters.delete': 5,
  'settings.sendAs.list': 1,
  'settings.sendAs.patch': 100,
} as const;
export type GmailMethod = keyof typeof GMAIL_COST;

export interface QuotaClock {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

export class UserQuota {
  private readonly spent = new Map<string, { at: number; units: number }[]>();
  private readonly limit: number;
  private readonly clock: QuotaClock;
  /** Time slept that the clock did not show (a test sleep with a real clock): never spin forever. */
  private skew = 0;

  constructor(clock: QuotaClock, limit = USER_UNITS_PER_MINUTE) {
    this.limit = limit;
    this.clock = clock;
  }

  /** Units charged to `user` in the last minute. */
  used(user: string): number {
    const cutoff = this.now() - WINDOW_MS;
    return (this.spent.get(user.toLowerCase()) ?? []).filter((e) => e.at > cutoff).reduce((s, e) => s + e.units, 0);
  }

  /**
   * Waits until `units` fit in the user's window, then records them. The check-and-record happens
   * with no await in between, so concurrent callers for one user cannot both squeeze in.
   */
  async take(user: string, units: number): Promise<void> {
    const key = user.toLowerCase();
    const cost = Math.min(units, this.limit);
    for (;;) {
      const now = this.now();
      const live = (this.spent.get(key) ?? []).filter((e) => e.at > now - WINDOW_MS);
      const used = live.reduce((s, e) => s + e.units, 0);
      if (used + cost <= this.limit) {
        live.push({ at: now, units: cost });
        this.spent.set(key, live);
        return;
      }
      this.spent.set(key, live);
      // Wait until enough of the oldest charges leave the window.
      let toFree = used + cost - this.limit;
      let freeAt = now + WINDOW_MS;
      for (const e of live) {
        toFree -= e.units;
        if (toFree <= 0) {
          freeAt = e.at + WINDOW_MS;
          break;
        }
      }
      const wait = Math.max(1, freeAt - now + 1);
      await this.clock.sleep(wait);
      if (this.now() < now + wait) this.skew += now + wait - this.now();
    }
  }

  private now(): number {
    return this.clock.now() + this.skew;
  }
}
