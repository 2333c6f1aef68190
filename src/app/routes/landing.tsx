import { Hono } from 'hono';
import { requireAdmin } from '../auth/admin-auth.ts';
import type { AppEnv } from '../context.ts';
import { listConnections } from '../../storage/connections.ts';
import { countOpenFindings } from '../../storage/findings.ts';
import { getActiveProfile } from '../../storage/profiles.ts';
import { listRuns } from '../../storage/runs.ts';
import { listSchools } from '../../storage/schools.ts';

const Layout = (props: { title: string; children: unknown }) => (
  <html lang="en-GB">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{props.title}</title>
      <style>{`body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.6rem}section{border:1px solid #ccd;border-radius:8px;padding:1rem 1.25rem;margin:1rem 0}
table{border-collapse:collapse}td,th{padding:.25rem .75rem;text-align:left;border-bottom:1px solid #eee}
.muted{color:#555}a{color:#0b57d0}`}</style>
    </head>
    <body>
      <main>{props.children}</main>
    </body>
  </html>
);

/** The front page: which schools this deployment looks after, and where to go next. */
export const landingRoutes = new Hono<AppEnv>().get('/', requireAdmin, async (c) => {
  const schools = await listSchools(c.env.DB);
  const details = await Promise.all(
    schools.map(async (s) => {
      const [profile, connections, runs, open] = await Promise.all([
        getActiveProfile(c.env.DB, s.id),
        listConnections(c.env.DB, s.id),
        listRuns(c.env.DB, s.id, 1),
        countOpenFindings(c.env.DB, s.id),
      ]);
      return { school: s, profile, connections, lastRun: runs[0], open };
    }),
  );
  return c.html(
    <Layout title="Tutela">
      <h1>Tutela — email policy guardian</h1>
      <p class="muted">Signed in as {c.get('principal').id}. {schools.length === 0 ? 'No schools yet: run npm start for the demo school, or POST /api/schools.' : ''}</p>
      {details.map((d) => (
        <section aria-labelledby={`school-${d.school.id}`}>
          <h2 id={`school-${d.school.id}`}>{d.school.name}</h2>
          <table>
            <tbody>
              <tr>
                <th scope="row">Policy profile</th>
                <td>{d.profile ? `version ${d.profile.version} — attachments ≤ ${d.profile.profile.attachments.maxBytes ?? 'no limit'} bytes, retention ${d.profile.profile.retention.months ?? '—'} months, external forwarding ${d.profile.profile.forwarding.external}` : 'none yet'}</td>
              </tr>
              <tr>
                <th scope="row">Connections</th>
                <td>{d.connections.map((x) => `${x.provider} (${x.tenantRef})`).join(', ') || 'none'}</td>
              </tr>
              <tr>
                <th scope="row">Last audit</th>
                <td>{d.lastRun ? `${d.lastRun.status}, started ${d.lastRun.startedAt}` : 'not run yet'}</td>
              </tr>
              <tr>
                <th scope="row">Open findings</th>
                <td>{d.open}</td>
              </tr>
            </tbody>
          </table>
          <p>
            <a href={`/api/schools/${d.school.id}/findings?status=open`}>Findings (JSON)</a> · <a href={`/api/schools/${d.school.id}/runs`}>Audit runs</a> ·{' '}
            <a href={`/api/schools/${d.school.id}/profile`}>Profile</a> · <a href={`/api/schools/${d.school.id}/remediations`}>Remediations</a> ·{' '}
            <a href={`/api/schools/${d.school.id}/audit-log`}>Audit log</a>
          </p>
        </section>
      ))}
      <p class="muted">
        <a href="/healthz">Health</a>
      </p>
    </Layout>,
  );
});
