import type { Context } from 'hono';
import type { DashboardEnv } from '../../auth/dashboard-auth.ts';
import { AppError } from '../../errors.ts';
import { getSchool, type School } from '../../../storage/schools.ts';

export type DashContext = Context<DashboardEnv>;

export interface PageContext {
  school: School;
  base: string;
  csrf: string;
  signedInAs: string;
  notice: string | undefined;
  /** This page's own path and query, for forms to come back to. */
  here: string;
}

export async function pageContext(c: DashContext): Promise<PageContext> {
  const id = c.req.param('schoolId') ?? '';
  const school = await getSchool(c.env.DB, id);
  if (!school) throw new AppError({ code: 'not_found', message: `No school ${id}` });
  const url = new URL(c.req.url);
  url.searchParams.delete('notice');
  return {
    school,
    base: `/dashboard/schools/${encodeURIComponent(school.id)}`,
    csrf: c.get('csrf'),
    signedInAs: c.get('principal').id,
    notice: c.req.query('notice')?.slice(0, 300),
    here: url.pathname + url.search,
  };
}

export const ukDateTimeShort = (iso: string | null | undefined): string =>
  iso ? new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' }).format(new Date(iso)) : '—';
