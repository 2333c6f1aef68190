import type { WeeklyCardData } from '../../../adaptive-cards/weekly-card-data.ts';
import { listAssignmentStatuses } from '../../storage/acknowledgements.ts';
import { getActiveProfile } from '../../storage/profiles.ts';
import { getSchool } from '../../storage/schools.ts';
import { ukDate } from '../london-time.ts';
import { catalogueEntry } from '../checks/catalogue.ts';
import { checkIds, type CheckId } from '../checks/ids.ts';
import { acknowledgementSummary } from './acknowledgement-summary.ts';
import { mondayOf } from './london-time.ts';
import { overallStatus } from './status.ts';
import { findingCountsByCheck, lastRunStatus, leaverFacts, pendingApprovals, remediationsDoneSince } from './weekly-queries.ts';

const DAY = 24 * 60 * 60 * 1000;
/** The leave time plus the hourly reconciliation's slack: later than this is "late". */
const ON_TIME_GRACE_MS = 60 * 60 * 1000;
const PENDING_SHOWN = 5;

const isCheck = (id: string): id is CheckId => (checkIds as readonly string[]).includes(id);

/**
 * Everything the Monday card says about one school, read from D1 as of `now`. Returns null for an
 * unknown school. The dashboard's overview and card preview use the same data.
 */
export async function weeklyCardData(db: D1Database, input: { schoolId: string; now: Date; publicUrl: string }): Promise<WeeklyCardData | null> {
  const school = await getSchool(db, input.schoolId);
  if (!school) return null;
  const since = new Date(input.now.getTime() - 7 * DAY).toISOString();
  const [profile, counts, doneFixes, pending, leavers, assignments, lastRun] = await Promise.all([
    getActiveProfile(db, school.id),
    findingCountsByCheck(db, school.id, since),
    remediationsDoneSince(db, school.id, since),
    pendingApprovals(db, school.id, PENDING_SHOWN),
    leaverFacts(db, school.id, since),
    listAssignmentStatuses(db, school.id, { activeOnly: true }),
    lastRunStatus(db, school.id),
  ]);

  const known = counts.filter((c) => isCheck(c.checkId));
  const byCheck = known
    .filter((c) => c.openNow > 0 || c.openThen > 0)
    .map((c) => ({ checkId: c.checkId, title: catalogueEntry(c.checkId as CheckId).title, open: c.openNow, change: c.openNow - c.openThen }))
    .sort((a, b) => b.open - a.open || a.title.localeCompare(b.title));
  const dormant = known.find((c) => c.checkId === 'accounts.dormant');
  const openOf = (id: CheckId) => known.find((c) => c.checkId === id)?.openNow ?? 0;
  const highOpen = known.filter((c) => catalogueEntry(c.checkId as CheckId).severity === 'high').reduce((n, c) => n + c.openNow, 0);

  const late = leavers.done.filter((j) => Date.parse(j.finishedAt) > Date.parse(j.actAt) + ON_TIME_GRACE_MS).length;
  const { overdue: overdueAcks, ...acks } = acknowledgementSummary(assignments, profile?.profile.acknowledgements.starterDays ?? 14, input.now);
  const months = profile?.profile.retention.months ?? null;
  const retention: WeeklyCardData['retention'] =
    months === null
      ? { level: 'good', text: 'The policy sets no retention period.' }
      : openOf('retention.policy-missing') > 0
        ? { level: 'action', text: `No retention policy enforces the ${months}-month period.` }
        : openOf('retention.overdue') > 0
          ? { level: 'attention', text: `${months}-month policy in place; ${openOf('retention.overdue')} mailbox(es) hold older mail.` }
          : { level: 'good', text: `${months}-month policy in place; nothing overdue.` };

  const data: WeeklyCardData = {
    schoolId: school.id,
    schoolName: school.name,
    weekOf: ukDate(mondayOf(input.now).toISOString()),
    status: { level: 'good', headline: 'All good', reasons: [] },
    acknowledgements: acks,
    findings: { byCheck, totalOpen: byCheck.reduce((n, c) => n + c.open, 0), totalChange: byCheck.reduce((n, c) => n + c.change, 0) },
    remediations: {
      doneThisWeek: doneFixes,
      pending: pending.items.map((p) => ({ actionId: p.actionId, title: isCheck(p.checkId) ? catalogueEntry(p.checkId).title : p.checkId, subject: p.subject })),
      pendingCount: pending.count,
    },
    leavers: {
      tracked: leavers.tracked,
      onTime: leavers.done.length - late,
      late,
      held: leavers.held.map((h) => ({ importId: h.importId, people: h.people, reason: h.reason ?? 'held by the safety limits', receivedOn: ukDate(h.receivedAt) })),
    },
    dormant: { open: dormant?.openNow ?? 0, change: (dormant?.openNow ?? 0) - (dormant?.openThen ?? 0) },
    retention,
    dashboardUrl: `${input.publicUrl.replace(/\/+$/, '')}/dashboard/schools/${encodeURIComponent(school.id)}`,
  };
  data.status = overallStatus(data, { highOpen, overdueAcks, lastRun });
  return data;
}
