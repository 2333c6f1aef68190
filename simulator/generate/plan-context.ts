import { personalMailDomains, sentSubjects, smallAttachmentNames } from './names.ts';
import type { Rng } from './rng.ts';
import type { PlannedAccount, PlannedAttachment, PlannedMessage, PlannedRule, TrickyCase } from './plan-types.ts';

/** State shared by the planning steps: the dice, the clock and the item counter. */
export class PlanContext {
  readonly rng: Rng;
  readonly nowMs: number;
  readonly tricky: TrickyCase[] = [];
  private seqValue = 0;

  constructor(rng: Rng, nowMs: number) {
    this.rng = rng;
    this.nowMs = nowMs;
  }

  nextSeq(): number {
    this.seqValue += 1;
    return this.seqValue;
  }

  /** `days` before now, to the minute (fractions allowed). */
  daysAgo(days: number): number {
    return this.nowMs - Math.round(days * 1440) * 60_000;
  }

  /** A plausible parent's or outside contact's personal address. */
  personalAddress(): string {
    const given = this.rng.pick(['sam', 'jo', 'alex', 'chris', 'kim', 'lee', 'pat', 'jamie', 'sasha', 'robin', 'nat', 'ali', 'dani', 'toni', 'mo']);
    const family = this.rng.pick(['walsh', 'ellis', 'rahman', 'kaur', 'hughes', 'byrne', 'okoro', 'lin', 'price', 'frost', 'dale', 'reeves', 'hart', 'ng']);
    return `${given}.${family}${this.rng.int(1, 999)}@${this.rng.pick(personalMailDomains)}`;
  }

  /** `count` distinct personal addresses (a counter suffix keeps them distinct). */
  personalAddresses(count: number): string[] {
    return Array.from({ length: count }, (_, i) => this.personalAddress().replace('@', `.${i + 1}@`));
  }

  rule(partial: Omit<PlannedRule, 'seq' | 'enabled'> & { enabled?: boolean }): PlannedRule {
    return { seq: this.nextSeq(), enabled: true, ...partial };
  }

  /** A message sent by `owner`, by default inside the audit window (0.1–6.5 days ago). */
  sent(owner: PlannedAccount, fields: Partial<Omit<PlannedMessage, 'seq' | 'direction' | 'from' | 'fromName'>>): PlannedMessage {
    return {
      seq: this.nextSeq(),
      direction: 'sent',
      from: owner.email,
      fromName: owner.displayName,
      to: [],
      cc: [],
      bcc: [],
      subject: this.rng.pick(sentSubjects),
      atMs: this.daysAgo(0.1 + this.rng.float() * 6.4),
      attachments: [],
      ...fields,
    };
  }

  received(owner: PlannedAccount, from: string, fromName: string, fields: Partial<PlannedMessage> = {}): PlannedMessage {
    return {
      seq: this.nextSeq(),
      direction: 'received',
      from,
      fromName,
      to: [owner.email],
      cc: [],
      bcc: [],
      subject: `Re: ${this.rng.pick(sentSubjects)}`,
      atMs: this.daysAgo(0.1 + this.rng.float() * 6.4),
      attachments: [],
      ...fields,
    };
  }

  smallAttachment(): PlannedAttachment {
    const a = this.rng.pick(smallAttachmentNames);
    return { name: a.name, type: a.type, size: this.rng.int(20_000, 900_000) };
  }

  record(c: TrickyCase): void {
    this.tricky.push(c);
  }
}
