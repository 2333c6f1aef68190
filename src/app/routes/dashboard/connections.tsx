import { catalogueEntry } from '../../../domain/checks/catalogue.ts';
import { checkIds } from '../../../domain/checks/ids.ts';
import { modeFor } from '../../../domain/profile/schema.ts';
import { listConnections } from '../../../storage/connections.ts';
import { getActiveProfile } from '../../../storage/profiles.ts';
import { listRuns, type AuditRun } from '../../../storage/runs.ts';
import { Layout } from './layout.tsx';
import { pageContext, ukDateTimeShort, type DashContext } from './page-context.ts';

interface PermissionRow {
  name: string;
  kind: string;
  why: string;
  state: 'missing' | 'working' | 'not checked yet';
}

/**
 * What each connection needs (the catalogue's least-privilege list for the checks it runs, plus
 * write permissions where the profile allows fixes) against what the last finished run showed: a
 * permission named in its errors is missing; the rest worked if that run read anything.
 */
function permissionRows(provider: 'microsoft365' | 'google-workspace', run: AuditRun | undefined, modeOf: (id: (typeof checkIds)[number]) => string): PermissionRow[] {
  const missing = new Set((run?.errors ?? []).flatMap((e) => (e.permission ? [e.permission] : [])));
  const rows = new Map<string, PermissionRow>();
  for (const id of run?.checks ?? checkIds) {
    const support = catalogueEntry(id).providers[provider];
    const perms = [...support.read, ...(modeOf(id) === 'report' ? [] : support.remediate)];
    for (const perm of perms) {
      if (rows.has(perm.name)) continue;
      const state = missing.has(perm.name) || [...missing].some((m) => m.includes(perm.name)) ? 'missing' : run && run.status !== 'failed' ? 'working' : 'not checked yet';
      rows.set(perm.name, { name: perm.name, kind: perm.kind, why: perm.why, state });
    }
  }
  for (const m of missing) if (![...rows.values()].some((r) => m.includes(r.name))) rows.set(m, { name: m, kind: 'named by an error', why: 'the last run was refused for lack of it', state: 'missing' });
  return [...rows.values()].sort((a, b) => (a.state === b.state ? a.name.localeCompare(b.name) : a.state === 'missing' ? -1 : 1));
}

export async function connectionsPage(c: DashContext) {
  const p = await pageContext(c);
  const [connections, runs, profile] = await Promise.all([listConnections(c.env.DB, p.school.id), listRuns(c.env.DB, p.school.id, 100), getActiveProfile(c.env.DB, p.school.id)]);
  const modeOf = (id: (typeof checkIds)[number]) => (profile ? modeFor(profile.profile, id) : 'report');
  return c.html(
    <Layout title="Connection health" school={p.school} active="connections" notice={p.notice} signedInAs={p.signedInAs}>
      {connections.length === 0 ? <p>No tenant is connected yet.</p> : null}
      {connections.map((conn) => {
        const last = runs.find((r) => r.connectionId === conn.id && r.status !== 'running');
        const rows = permissionRows(conn.provider, last, modeOf);
        const missing = rows.filter((r) => r.state === 'missing').length;
        return (
          <section aria-labelledby={`conn-${conn.id}`}>
            <h2 id={`conn-${conn.id}`}>
              {conn.id} ({conn.provider === 'microsoft365' ? 'Microsoft 365' : 'Google Workspace'}, {conn.tenantRef})
            </h2>
            <p>
              Status: {conn.status}. Last finished audit: {last ? `${last.status}, ${ukDateTimeShort(last.startedAt)}` : 'none yet'}.{' '}
              {missing ? <span class="badge action">{`${missing} permission(s) missing`}</span> : last ? <span class="badge good">No permission problems seen</span> : null}
            </p>
            <table>
              <caption>Permissions for the checks this connection runs</caption>
              <thead>
                <tr>
                  <th scope="col">Permission</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Why</th>
                  <th scope="col">State</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr>
                    <td>{r.name}</td>
                    <td>{r.kind}</td>
                    <td>{r.why}</td>
                    <td>{r.state === 'missing' ? <strong>missing</strong> : r.state}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {conn.health ? (
              <details>
                <summary>Last health report</summary>
                <pre>{JSON.stringify(conn.health, null, 2)}</pre>
              </details>
            ) : null}
          </section>
        );
      })}
    </Layout>,
  );
}
