import type { WeeklyCardData } from '../../../adaptive-cards/weekly-card-data.ts';
import type { AssignmentStatus } from '../../storage/acknowledgements.ts';
import { dueAt } from '../acknowledgements/due.ts';

const NAMES_SHOWN = 12;

/** Acknowledgements across the active campaigns: how far along, per document, and who is still to sign. */
export function acknowledgementSummary(assignments: AssignmentStatus[], starterDays: number, now: Date): WeeklyCardData['acknowledgements'] & { overdue: number } {
  const docs = new Map<string, { title: string; version: number; done: number; total: number }>();
  const outstanding = new Set<string>();
  let overdue = 0;
  // A person with accounts in both tenants is assigned twice; count each person once per version.
  const seen = new Set<string>();
  const people = assignments.filter((a) => {
    const key = `${a.versionId}|${a.email}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  for (const a of people) {
    const doc = docs.get(a.versionId) ?? { title: a.documentTitle, version: a.version, done: 0, total: 0 };
    doc.total++;
    if (a.acknowledgedAt) doc.done++;
    else {
      outstanding.add(a.email);
      if (Date.parse(dueAt(a, starterDays)) < now.getTime()) overdue++;
    }
    docs.set(a.versionId, doc);
  }
  const done = [...docs.values()].reduce((n, d) => n + d.done, 0);
  const total = people.length;
  const names = [...outstanding].sort();
  return {
    percent: total === 0 ? null : Math.floor((done / total) * 100),
    done,
    total,
    documents: [...docs.values()].sort((a, b) => a.title.localeCompare(b.title)),
    outstanding: names.slice(0, NAMES_SHOWN),
    outstandingCount: names.length,
    overdue,
  };
}
