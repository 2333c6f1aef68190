import { z } from 'zod';
import { listRuns } from '../../../storage/runs.ts';
import { Layout } from './layout.tsx';
import { pageContext, ukDateTimeShort, type DashContext } from './page-context.ts';

const summarySchema = z.looseObject({ findings: z.number().optional(), newFindings: z.number().optional(), resolved: z.number().optional() }).nullable().catch(null);

export async function runsPage(c: DashContext) {
  const p = await pageContext(c);
  const runs = await listRuns(c.env.DB, p.school.id, 50);
  return c.html(
    <Layout title="Audit runs" school={p.school} active="runs" notice={p.notice} signedInAs={p.signedInAs}>
      <table>
        <caption>The last {runs.length} audit runs, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Started</th>
            <th scope="col">Connection</th>
            <th scope="col">Trigger</th>
            <th scope="col">Status</th>
            <th scope="col">Mailboxes</th>
            <th scope="col">Findings (new / resolved)</th>
            <th scope="col">Errors and warnings</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => {
            const s = summarySchema.parse(r.summary);
            return (
              <tr>
                <td>{ukDateTimeShort(r.startedAt)}</td>
                <td>{r.connectionId}</td>
                <td>
                  {r.trigger}
                  {r.dryRun ? ' (dry run)' : ''}
                </td>
                <td>{r.status}</td>
                <td>{r.mailboxesTotal}</td>
                <td>{s ? `${s.findings ?? 0} (${s.newFindings ?? 0} / ${s.resolved ?? 0})` : '—'}</td>
                <td>
                  {r.errors.length + r.warnings.length === 0 ? (
                    'none'
                  ) : (
                    <details>
                      <summary>
                        {r.errors.length} errors, {r.warnings.length} warnings
                      </summary>
                      <ul>
                        {[...r.errors.map((e) => ({ ...e, kind: 'error' })), ...r.warnings.map((e) => ({ ...e, kind: 'warning' }))].slice(0, 50).map((e) => (
                          <li>
                            {e.kind}: {e.message}
                            {e.permission ? ` (needs ${e.permission})` : ''}
                          </li>
                        ))}
                      </ul>
                    </details>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Layout>,
  );
}
