import { card, plain, type StaffCard } from './staff-card.ts';

export interface AcknowledgedCardData {
  documentTitle: string;
  version: number;
  /** Already formatted for people, e.g. "1 December 2026 at 09:15". */
  acknowledgedOn: string;
}

/** Replaces the acknowledgement card once the person has agreed, so the button cannot be pressed again. */
export function acknowledgedCard(d: AcknowledgedCardData): StaffCard {
  return card(
    [
      { type: 'TextBlock', text: plain(d.documentTitle), weight: 'Bolder', size: 'Medium', wrap: true },
      { type: 'TextBlock', text: `Version ${d.version}`, isSubtle: true, spacing: 'Small', wrap: true },
      { type: 'TextBlock', text: `✅ Acknowledged on ${plain(d.acknowledgedOn)}`, wrap: true, color: 'Good' },
    ],
    undefined,
    `Acknowledged on ${d.acknowledgedOn}`,
  );
}
