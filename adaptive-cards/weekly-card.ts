import { card, plain, type StaffCard } from './staff-card.ts';
import { weeklyVerbs, type WeeklyCardData } from './weekly-card-data.ts';
import { accountSection, acknowledgementSection, findingSection, leaverSection, line, remediationSection, statusSection, type Element } from './weekly-sections.ts';

/** Teams caps refresh.userIds at 60 (platform notes). */
export const MAX_REFRESH_USERS = 60;

/**
 * The School Business Manager's Monday card (Adaptive Cards 1.5, Universal Actions). Buttons are
 * Action.Execute: the bot answers each with this card rebuilt from the database, so everyone who
 * looks at it sees the current state.
 */
export function weeklyCard(d: WeeklyCardData): StaffCard {
  const body: Element[] = [
    { type: 'TextBlock', text: `Email policy this week — ${plain(d.schoolName)}`, weight: 'Bolder', size: 'Large', wrap: true, style: 'heading' },
    line(`Week of ${plain(d.weekOf)}`, { isSubtle: true, spacing: 'None' }),
  ];
  if (d.notice) body.push(line(plain(d.notice.text), { color: d.notice.tone === 'good' ? 'Good' : 'Warning', weight: 'Bolder' }));
  body.push(...statusSection(d), ...acknowledgementSection(d), ...findingSection(d), ...remediationSection(d), ...leaverSection(d), ...accountSection(d));
  const result = card(
    body,
    [
      { type: 'Action.OpenUrl', title: 'Open the dashboard', url: d.dashboardUrl },
      { type: 'Action.Execute', title: 'Refresh', verb: weeklyVerbs.refresh, data: { schoolId: d.schoolId } },
    ],
    `Email policy this week for ${d.schoolName}: ${d.status.headline}. Open the dashboard: ${d.dashboardUrl}`,
  );
  const users = (d.refreshUserIds ?? []).slice(0, MAX_REFRESH_USERS);
  if (users.length === 0) return result;
  return { ...result, refresh: { action: { type: 'Action.Execute', verb: weeklyVerbs.refresh, data: { schoolId: d.schoolId } }, userIds: users } };
}
