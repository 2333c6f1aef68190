import type { Plan, HrRecord } from './plan-types.ts';

export const hrFeedColumns = ['Employee ID', 'Forename', 'Surname', 'Work Email', 'Start Date', 'Leaving Date', 'Status'] as const;

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The HR system's staff export: every employee (not governors), plus leavers whose accounts are gone. */
export function renderHrFeed(plan: Plan): string {
  const rows: HrRecord[] = [...plan.accounts.flatMap((a) => (a.hr ? [a.hr] : [])), ...plan.hrOrphans];
  rows.sort((x, y) => (x.employeeId < y.employeeId ? -1 : x.employeeId > y.employeeId ? 1 : 0));
  const lines = rows.map((r) => [r.employeeId, r.givenName, r.familyName, r.workEmail, r.startDate, r.leavingDate ?? '', r.status].map(csvField).join(','));
  return `${[hrFeedColumns.join(','), ...lines].join('\r\n')}\r\n`;
}
