import type { DirectoryUser } from '../../src/domain/audit/snapshot.ts';
import type { MsContext } from './context.ts';
import { csvRecords } from './csv.ts';
import { signInRowSchema } from './wire.ts';

export interface SignIns {
  source: DirectoryUser['signInSource'];
  /** Last sign-in (ISO) for a user, or null when never / unknown. */
  lastFor: (user: { id: string; email: string; upn: string }) => string | null;
  warning: string | null;
  /** Users the source knows by Graph id (signInActivity); empty for the report, keyed by UPN. */
  knownIds: () => { id: string; email: string; upn: string }[];
}

const latest = (values: (string | null | undefined)[]): string | null => {
  const times = values.filter((v): v is string => Boolean(v) && !Number.isNaN(Date.parse(v as string)));
  if (times.length === 0) return null;
  return new Date(Math.max(...times.map((t) => Date.parse(t)))).toISOString();
};

/**
 * Last sign-in for every user in one paged call. signInActivity needs AuditLog.Read.All and an
 * Entra ID P1 tenant; when Graph refuses it we fall back to the Office 365 active-user report
 * (Reports.Read.All, lags up to two days). Non-interactive sign-ins count: a phone app refreshing
 * its token every day means the person still uses the account.
 */
export async function readSignIns(ctx: MsContext): Promise<SignIns> {
  const activity = await ctx.graph.getAll('/users?$select=id,signInActivity&$top=999', signInRowSchema, {
    what: 'read sign-in activity',
    permission: 'AuditLog.Read.All (and an Entra ID P1 licence)',
  });
  if (activity.ok) {
    const byId = new Map(activity.value.items.map((row) => [row.id, latest([row.signInActivity?.lastSignInDateTime, row.signInActivity?.lastNonInteractiveSignInDateTime, row.signInActivity?.lastSuccessfulSignInDateTime])]));
    return { source: 'sign-in-activity', lastFor: (u) => byId.get(u.id) ?? null, warning: null, knownIds: () => [...byId.keys()].map((id) => ({ id, email: '', upn: '' })) };
  }
  const why = activity.error.message;
  const report = await ctx.graph.get("/reports/getOffice365ActiveUserDetail(period='D180')", { what: 'read the Microsoft 365 active-user report', permission: 'Reports.Read.All' });
  if (!report.ok) {
    return { source: 'unavailable', lastFor: () => null, knownIds: () => [], warning: `Sign-in dates are unavailable, so dormant accounts cannot be checked. signInActivity: ${why}. Active-user report: ${report.error.message}.` };
  }
  const byUpn = new Map<string, string | null>();
  for (const record of csvRecords(report.value.text)) {
    const upn = (record['User Principal Name'] ?? '').toLowerCase();
    if (!upn) continue;
    const dates = Object.entries(record).filter(([k]) => /Last Activity Date$/i.test(k)).map(([, v]) => (v ? `${v}T00:00:00Z` : null));
    byUpn.set(upn, latest(dates));
  }
  return {
    source: 'active-user-report',
    lastFor: (u) => byUpn.get(u.upn.toLowerCase()) ?? byUpn.get(u.email.toLowerCase()) ?? null,
    knownIds: () => [],
    warning: byUpn.size === 0 ? 'The active-user report is empty: if the tenant conceals user names in reports, dormant accounts cannot be matched.' : null,
  };
}
