import type { StaffCard } from './staff-card.ts';
import { plain } from './staff-card.ts';
import { changeText, weeklyVerbs, type WeeklyCardData } from './weekly-card-data.ts';

export type Element = NonNullable<StaffCard['body']>[number];
type Level = WeeklyCardData['status']['level'];

const containerStyle: Record<Level, 'good' | 'warning' | 'attention'> = { good: 'good', attention: 'warning', action: 'attention' };
const textColor: Record<Level, 'Good' | 'Warning' | 'Attention'> = { good: 'Good', attention: 'Warning', action: 'Attention' };

export const heading = (text: string): Element => ({ type: 'TextBlock', text, weight: 'Bolder', size: 'Medium', wrap: true, spacing: 'Large', separator: true });
export const line = (text: string, extra: Record<string, unknown> = {}): Element => ({ type: 'TextBlock', text, wrap: true, spacing: 'Small', ...extra });
const facts = (rows: [string, string][]): Element => ({ type: 'FactSet', facts: rows.map(([title, value]) => ({ title, value })) });

/** Buttons inside the body, next to what they act on; data always names the school so a card for one school cannot act on another. */
const buttons = (schoolId: string, items: { title: string; verb: string; data: Record<string, string>; style?: 'positive' | 'destructive' }[]): Element => ({
  type: 'ActionSet',
  actions: items.map((b) => ({ type: 'Action.Execute', title: b.title, verb: b.verb, data: { schoolId, ...b.data }, ...(b.style ? { style: b.style } : {}) })),
});

export function statusSection(d: WeeklyCardData): Element[] {
  const items: Element[] = [line(`Overall: ${plain(d.status.headline)}`, { weight: 'Bolder', size: 'Large', color: textColor[d.status.level], spacing: 'None' })];
  for (const reason of d.status.reasons) items.push(line(`• ${plain(reason)}`));
  return [{ type: 'Container', style: containerStyle[d.status.level], bleed: true, items }];
}

export function acknowledgementSection(d: WeeklyCardData): Element[] {
  const a = d.acknowledgements;
  if (a.percent === null) return [heading('Policy acknowledgements'), line('No acknowledgement campaign is running.', { isSubtle: true })];
  const out: Element[] = [heading('Policy acknowledgements'), line(`${a.percent}% done (${a.done} of ${a.total})`, { weight: 'Bolder' })];
  if (a.documents.length > 1) out.push(facts(a.documents.map((doc) => [`${plain(doc.title)} v${doc.version}`, `${doc.done} of ${doc.total}`])));
  if (a.outstandingCount > 0) {
    const more = a.outstandingCount - a.outstanding.length;
    out.push(line(`Still to acknowledge: ${a.outstanding.map(plain).join(', ')}${more > 0 ? ` and ${more} more` : ''}`));
    out.push(buttons(d.schoolId, [{ title: 'Send reminders', verb: weeklyVerbs.remind, data: {} }]));
  } else {
    out.push(line('Everyone has acknowledged.', { color: 'Good' }));
  }
  return out;
}

export function findingSection(d: WeeklyCardData): Element[] {
  const f = d.findings;
  const out: Element[] = [heading('Open findings'), line(`${f.totalOpen} open (${changeText(f.totalChange)})`, { weight: 'Bolder' })];
  if (f.byCheck.length) out.push(facts(f.byCheck.map((c) => [plain(c.title), `${c.open} (${changeText(c.change)})`])));
  else out.push(line('Nothing open: every check passed at the last audit.', { color: 'Good' }));
  return out;
}

export function remediationSection(d: WeeklyCardData): Element[] {
  const r = d.remediations;
  const out: Element[] = [heading('Fixes'), line(`${r.doneThisWeek} fix${r.doneThisWeek === 1 ? '' : 'es'} applied this week.`)];
  if (r.pendingCount === 0) return out;
  out.push(line(`${r.pendingCount} waiting for your approval${r.pendingCount > r.pending.length ? ` (first ${r.pending.length} shown)` : ''}:`, { weight: 'Bolder' }));
  for (const p of r.pending) {
    out.push(line(`${plain(p.title)} — ${plain(p.subject)}`));
    out.push(
      buttons(d.schoolId, [
        { title: 'Approve fix', verb: weeklyVerbs.approveRemediation, data: { actionId: p.actionId }, style: 'positive' },
        { title: 'Reject', verb: weeklyVerbs.rejectRemediation, data: { actionId: p.actionId } },
      ]),
    );
  }
  return out;
}

export function leaverSection(d: WeeklyCardData): Element[] {
  const l = d.leavers;
  const out: Element[] = [heading('Leavers')];
  if (!l.tracked) return [...out, line('No leavers from the HR feed have been processed yet.', { isSubtle: true })];
  out.push(facts([['Switched off on time', String(l.onTime)], ['Switched off late', String(l.late)], ['Held for approval', String(l.held.reduce((n, h) => n + h.people, 0))]]));
  for (const h of l.held) {
    out.push(line(`HR import of ${plain(h.receivedOn)}: ${h.people} leaver${h.people === 1 ? '' : 's'} held — ${plain(h.reason)}`));
    out.push(
      buttons(d.schoolId, [
        { title: 'Approve leavers', verb: weeklyVerbs.approveLeavers, data: { importId: h.importId }, style: 'positive' },
        { title: 'Reject', verb: weeklyVerbs.rejectLeavers, data: { importId: h.importId }, style: 'destructive' },
      ]),
    );
  }
  return out;
}

export function accountSection(d: WeeklyCardData): Element[] {
  return [
    heading('Accounts and retention'),
    facts([
      ['Dormant accounts', `${d.dormant.open} (${changeText(d.dormant.change)})`],
      ['Retention', plain(d.retention.text)],
    ]),
  ];
}
