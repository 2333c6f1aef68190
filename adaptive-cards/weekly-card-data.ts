/**
 * What the School Business Manager's Monday card shows. Built from D1 by src/domain/weekly and
 * rendered by weeklyCard (Teams) or weeklySlackBlocks (Slack). Plain data: already in words and
 * numbers, so the renderers decide layout only.
 */
export interface WeeklyCardData {
  schoolId: string;
  schoolName: string;
  /** "Monday 23 November 2026" */
  weekOf: string;
  status: { level: 'good' | 'attention' | 'action'; headline: string; reasons: string[] };
  acknowledgements: {
    /** null when no campaign is running. */
    percent: number | null;
    done: number;
    total: number;
    documents: { title: string; version: number; done: number; total: number }[];
    /** Up to a dozen people, then a count of the rest. */
    outstanding: string[];
    outstandingCount: number;
  };
  findings: {
    byCheck: { checkId: string; title: string; open: number; change: number }[];
    totalOpen: number;
    totalChange: number;
  };
  remediations: {
    doneThisWeek: number;
    pending: { actionId: string; title: string; subject: string }[];
    pendingCount: number;
  };
  leavers: {
    /** False while the offboarding engine has recorded nothing for this school. */
    tracked: boolean;
    onTime: number;
    late: number;
    held: { importId: string; people: number; reason: string; receivedOn: string }[];
  };
  dormant: { open: number; change: number };
  retention: { level: 'good' | 'attention' | 'action'; text: string };
  dashboardUrl: string;
  /** A line about what the last button press did (shown on the updated card). */
  notice?: { text: string; tone: 'good' | 'warning' };
  /** Teams refreshes the card for these users (ids from the conversation reference; at most 60). */
  refreshUserIds?: string[];
}

/** The Action.Execute verbs of the weekly card; src/domain/sbm-actions handles each. */
export const weeklyVerbs = {
  refresh: 'sbm.weekly.refresh',
  remind: 'sbm.weekly.remind',
  approveRemediation: 'sbm.remediation.approve',
  rejectRemediation: 'sbm.remediation.reject',
  approveLeavers: 'sbm.leavers.approve',
  rejectLeavers: 'sbm.leavers.reject',
} as const;
export type WeeklyVerb = (typeof weeklyVerbs)[keyof typeof weeklyVerbs];
export const weeklyVerbList: readonly string[] = Object.values(weeklyVerbs);

/** "▲ 3", "▼ 2", "no change": the change since last week in a few characters. */
export function changeText(change: number): string {
  if (change > 0) return `▲ ${change} since last week`;
  if (change < 0) return `▼ ${-change} since last week`;
  return 'no change since last week';
}
