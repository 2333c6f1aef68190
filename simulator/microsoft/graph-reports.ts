import { Hono } from 'hono';
import type { SimContext } from '../core/context.ts';
import type { SimEnv } from '../sim-env.ts';
import { badRequest } from './errors.ts';
import { denied } from './permissions.ts';

const HEADER = [
  'Report Refresh Date', 'User Principal Name', 'Display Name', 'Is Deleted', 'Deleted Date', 'Has Exchange License', 'Has OneDrive License',
  'Has SharePoint License', 'Has Skype For Business License', 'Has Yammer License', 'Has Teams License', 'Exchange Last Activity Date',
  'OneDrive Last Activity Date', 'SharePoint Last Activity Date', 'Skype For Business Last Activity Date', 'Yammer Last Activity Date',
  'Teams Last Activity Date', 'Exchange License Assign Date', 'OneDrive License Assign Date', 'SharePoint License Assign Date',
  'Skype For Business License Assign Date', 'Yammer License Assign Date', 'Teams License Assign Date', 'Assigned Products',
];

const cell = (value: string): string => (/[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/**
 * getOffice365ActiveUserDetail: the dormancy fallback without Entra P1. Graph answers with a
 * redirect to a CSV download; we answer the CSV (UTF-8 with BOM) directly. Reports.Read.All.
 */
export function createReportRoutes(ctx: SimContext): Hono<SimEnv> {
  const app = new Hono<SimEnv>();
  app.get('/v1.0/reports/:fn{getOffice365ActiveUserDetail\\(.*\\)}', (c) => {
    const refusal = denied(ctx, c, 'Reports.Read.All', 'directory');
    if (refusal) return refusal;
    const period = /period='(D7|D30|D90|D180)'/.exec(decodeURIComponent(c.req.param('fn')));
    if (!period) return badRequest(c, "Invalid value for parameter 'period'. Supported values: D7, D30, D90, D180.", 'InvalidRequest');
    const tenant = ctx.fixture.microsoft;
    const refresh = ctx.now().toISOString().slice(0, 10);
    const lines = [HEADER.join(',')];
    for (const row of tenant?.activeUserReport ?? []) {
      const user = tenant?.users.find((u) => u.userPrincipalName.toLowerCase() === row.userPrincipalName.toLowerCase());
      const licensed = String((user?.assignedLicenses.length ?? 0) > 0);
      const activity = row.lastActivityDate ?? '';
      lines.push([refresh, row.userPrincipalName, user?.displayName ?? '', 'False', '', licensed === 'true' ? 'True' : 'False', 'False', 'False', 'False', 'False', 'False', activity, '', '', '', '', '', '', '', '', '', '', '', user?.assignedLicenses.length ? 'OFFICE 365 A1 FOR FACULTY' : ''].map(cell).join(','));
    }
    return c.body('\ufeff' + lines.join('\r\n') + '\r\n', 200, { 'Content-Type': 'application/octet-stream' });
  });
  return app;
}
