import { card, plain, type StaffCard } from './staff-card.ts';

/** A plain message to one person (personal answers, reminders, remediation notices); one block per line. */
export function noticeCard(d: { title: string; text: string }): StaffCard {
  const lines = d.text.split('\n').filter((l) => l.trim());
  return card(
    [
      { type: 'TextBlock', text: plain(d.title), weight: 'Bolder', wrap: true },
      ...lines.map((line, i) => ({ type: 'TextBlock' as const, text: plain(line), wrap: true, spacing: i === 0 ? ('Default' as const) : ('None' as const) })),
    ],
    undefined,
    `${d.title}: ${d.text}`,
  );
}
