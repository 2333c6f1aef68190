import { card, plain, type StaffCard } from './staff-card.ts';

export interface AcknowledgementCardData {
  documentTitle: string;
  version: number;
  /** Already formatted for people, e.g. "Friday 4 December 2026". */
  dueDate: string;
  documentUrl: string;
  /** Carried back by the button; never trusted for who is acknowledging (see domain/acknowledgements). */
  action: { campaignId: string; versionId: string; forUser: string };
  /** Shown when this is a reminder after the due date. */
  overdue?: boolean;
}

export function acknowledgementCard(d: AcknowledgementCardData): StaffCard {
  return card(
    [
      { type: 'TextBlock', text: plain(d.documentTitle), weight: 'Bolder', size: 'Medium', wrap: true },
      { type: 'TextBlock', text: `Version ${d.version} · ${d.overdue ? 'was due' : 'please acknowledge by'} ${plain(d.dueDate)}`, wrap: true, isSubtle: true, spacing: 'Small', ...(d.overdue ? { color: 'Attention' as const } : {}) },
      { type: 'TextBlock', text: 'Please read the policy, then confirm that you have read it and will follow it.', wrap: true },
    ],
    [
      { type: 'Action.OpenUrl', title: 'Read the policy', url: d.documentUrl },
      { type: 'Action.Execute', title: 'I have read and agree', verb: 'acknowledge', data: { ...d.action }, style: 'positive' },
    ],
    `Please read and acknowledge ${d.documentTitle} (version ${d.version}).`,
  );
}
