import type { Realism } from '../fixture/realism.ts';
import { seededRandom } from './random.ts';

export type Admission =
  | { admitted: true; release: () => void }
  | { admitted: false; status: 429; retryAfterSeconds: number; reason: 'throttled' | 'mailbox-concurrency' };

/**
 * The fault model shared by both provider sides: random 429s, a per-mailbox concurrency limit,
 * latency, and users that vanish mid-run. Provider routes ask it before answering.
 */
export class RealismGate {
  private readonly dice: () => number;
  private readonly inFlight = new Map<string, number>();
  private total = 0;
  private readonly realism: Realism;

  constructor(realism: Realism) {
    this.realism = realism;
    this.dice = seededRandom(realism.seed);
  }

  /** Counts one request and says whether it may proceed. Call `release` when it is answered. */
  admit(mailbox: string | undefined): Admission {
    this.total += 1;
    if (this.realism.throttleRate > 0 && this.dice() < this.realism.throttleRate) {
      return { admitted: false, status: 429, retryAfterSeconds: this.realism.retryAfterSeconds, reason: 'throttled' };
    }
    const limit = this.realism.mailboxConcurrency;
    if (!mailbox || limit === 0) return { admitted: true, release: () => {} };
    const current = this.inFlight.get(mailbox) ?? 0;
    if (current >= limit) {
      return { admitted: false, status: 429, retryAfterSeconds: this.realism.retryAfterSeconds, reason: 'mailbox-concurrency' };
    }
    this.inFlight.set(mailbox, current + 1);
    let released = false;
    return {
      admitted: true,
      release: () => {
        if (released) return;
        released = true;
        const n = (this.inFlight.get(mailbox) ?? 1) - 1;
        if (n <= 0) this.inFlight.delete(mailbox);
        else this.inFlight.set(mailbox, n);
      },
    };
  }

  /** True once a user listed in `deleteMidRun` has passed its request count. */
  isDeleted(email: string): boolean {
    const lower = email.toLowerCase();
    return this.realism.deleteMidRun.some((d) => d.email.toLowerCase() === lower && this.total >= d.afterRequests);
  }

  isWithheld(permission: string): boolean {
    return this.realism.withheldPermissions.includes(permission);
  }

  async latency(): Promise<void> {
    if (this.realism.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.realism.latencyMs));
  }

  get requestsSeen(): number {
    return this.total;
  }
}
